"""A few bilingual texts for the quick fidelity gate of ``voc models prepare``."""

from __future__ import annotations

SAMPLE_TEXTS = (
    "Paket saya belum sampai padahal sudah lewat lima hari dari estimasi.",
    "The courier marked my order as delivered but nothing arrived at my door.",
    "aplikasinya sering force close pas mau checkout, tolong diperbaiki dong",
    "Refund sudah diajukan sejak tanggal 3 tapi saldo belum masuk juga.",
    "Customer service-nya ramah banget dan cepat respon, makasih kak!",
    "I was charged twice for the same transaction, please reverse one of them.",
    "promo gratis ongkir nya ga bisa dipake, katanya voucher tidak valid",
    "The new update made the app really slow on my older phone.",
    "Kurirnya sopan, barang dikemas rapi, mantap pokoknya 👍",
    "Nunggu antrian chat CS hampir 1 jam, kecewa berat 😡",
    "Harga di aplikasi beda sama di struk, selisih Rp15.000.",
    "Can I change the delivery address after the order has been shipped?",
    "OTP ga pernah masuk ke HP saya, udah coba 5x",
    "Pelayanan di kantor cabang Bandung sangat memuaskan.",
    "The agent hung up on me halfway through my complaint.",
    "tolong dong min, akun saya ke-lock gara2 salah PIN",
    "Overall good experience, but the packaging could be better.",
    "Barang yang dikirim salah warna, saya pesan hitam yang datang biru.",
    "Love the cashback promo this month, keep it up!",
    "Sudah 3 kali komplain lewat email tidak ada balasan sama sekali.",
    "Delivery was fast 🚀 tapi box nya penyok",
    "Kenapa biaya admin naik terus tiap bulan?",
    "I can't log in since yesterday, it says server error 500.",
    "Terima kasih, masalah saya langsung selesai dalam satu kali telepon.",
)
