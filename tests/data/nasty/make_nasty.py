"""Write the nasty input files of the ingest tests (run: python tests/data/nasty/make_nasty.py).

Every file is small, synthetic and deterministic; the tests in tests/voc/test_ingest*.py
assert the exact rows loaded and quarantined per reason. The only personal data is the
obviously fake PII of pii.csv.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _write_text(name: str, text: str, encoding: str = "utf-8", bom: bytes = b"") -> None:
    (HERE / name).write_bytes(bom + text.encode(encoding))


def utf16_exports() -> None:
    # Excel "Unicode text": UTF-16 LE with BOM, tab-separated, CRLF line ends.
    rows = [
        ["No Tiket", "Tanggal", "Kanal", "Keluhan", "Rating"],
        ["T-1001", "02/03/2026", "WhatsApp", "Paket belum sampai sudah seminggu", "2"],
        ["T-1002", "03/03/2026", "Email", "Refund saya belum masuk ke rekening", "1"],
        ["T-1003", "04/03/2026", "Chat", "Agen sangat membantu, terima kasih", "5"],
        ["T-1004", "05/03/2026", "Chat", "   ", "3"],
        ["T-1005", "06/03/2026", "Phone", "Aplikasi sering keluar sendiri saat bayar", "2"],
    ]
    text = "".join("\t".join(r) + "\r\n" for r in rows)
    _write_text("utf16le_export.csv", text, "utf-16-le", codecs.BOM_UTF16_LE)
    rows_be = [
        ["id", "date", "channel", "comment"],
        ["B-1", "2026-03-01", "email", "Delivery was late again"],
        ["B-2", "2026-03-02", "chat", "Harga ongkir naik tanpa pemberitahuan"],
        ["B-3", "2026-03-03", "survey", "Great service, fast response"],
    ]
    text = "".join("\t".join(r) + "\n" for r in rows_be)
    _write_text("utf16be_export.tsv", text, "utf-16-be", codecs.BOM_UTF16_BE)


def cp1252_file() -> None:
    text = (
        "id,tanggal,kanal,komentar\n"
        "C-1,2026-04-01,email,Pelayanan di café cabang Bandung “sangat bagus”\n"
        'C-2,2026-04-02,chat,"Harga naik jadi €15 – terlalu mahal, tolong dicek"\n'
        "C-3,2026-04-03,phone,Kurir bilang ‘besok’ tapi tidak datang\n"
        "C-4,2026-04-04,survey,Señora Inés bilang aplikasinya lambat…\n"
    )
    _write_text("cp1252.csv", text, "cp1252")


def bom_file() -> None:
    text = (
        "id,created_at,channel,text,csat\n"
        "U-1,2026-05-01T09:00:00,app_review,Aplikasi bagus dan cepat,5\n"
        "U-2,2026-05-01T10:30:00,app_review,Login gagal terus setelah update,1\n"
        "U-3,2026-05-02T11:45:00+07:00,social,Promo tidak bisa dipakai,2\n"
    )
    _write_text("utf8_bom.csv", text, "utf-8", codecs.BOM_UTF8)


def semicolon_file() -> None:
    text = (
        "ID;Tanggal;Kanal;Ulasan;CSAT;NPS\n"
        "S-1;01/05/2026;survey;Pengiriman cepat;4,5;9\n"
        'S-2;02/05/2026;survey;"Barang rusak; minta retur";1,0;2\n'
        "S-3;03/05/2026;survey;Harga oke, kualitas oke;3,5;7,5\n"
        "S-4;04/05/2026;survey;Terlalu lama menunggu CS;5,5;3\n"
        "S-5;05/05/2026;survey;Semua lancar;5;10\n"
    )
    _write_text("semicolon_decimal.csv", text)


def embedded_newlines_file() -> None:
    text = (
        "id,created_at,channel,text\n"
        "N-1,2026-05-03,email,Satu baris saja\n"
        'N-2,2026-05-03,email,"Baris pertama\nbaris kedua\nbaris ketiga"\n'
        'N-3,2026-05-04,chat,"Dia bilang ""tunggu saja"" lalu chat ditutup"\n'
        'N-4,2026-05-05,chat,"Koma, titik; dan\r\nenter di dalam kutip"\n'
    )
    _write_text("embedded_newlines.csv", text)


def ragged_file() -> None:
    text = (
        "id,created_at,channel,text\n"
        "R-1,2026-05-06,chat,Normal row\n"
        "R-2,2026-05-06,chat,Too many,fields,here\n"
        "R-3,2026-05-07,chat\n"
        "R-4,2026-05-07,email,Another normal row\n"
        "\n"
        "R-5,2026-05-08,email,Last normal row\n"
    )
    _write_text("ragged_rows.csv", text)


def jsonl_file() -> None:
    lines = [
        json.dumps({"id": "J-1", "created_at": "2026-05-10", "channel": "chat", "text": "Oke"}),
        json.dumps({"id": "J-2", "created_at": "2026-05-10", "text": "Refund lambat"}),
        '{"id": "J-3", "created_at": "2026-05-11", "text": "terpotong di ten',
        "[1, 2, 3]",
        "",
        '{"id": "J-5", "text": "ada sampah"} trailing',
        json.dumps({"id": "J-6", "created_at": "2026-05-12", "text": ""}),
        json.dumps({"id": "J-7", "customer": {"segment": "premium"}, "text": "Nested ok"}),
        json.dumps({"id": "J-8", "created_at": "12 Mei 2026", "text": "Kurir ramah"}),
    ]
    _write_text("broken.jsonl", "\n".join(lines) + "\n")


def json_array_file() -> None:
    records = [
        {"feedback_id": "A-1", "tanggal": "2026-06-01", "ulasan": "Pesanan lengkap", "skor": 5},
        {"feedback_id": "A-2", "tanggal": "2026-06-02", "ulasan": "Kemasan penyok", "skor": 2},
        "not an object",
        {"feedback_id": "A-3", "tanggal": "2026-06-03", "ulasan": "Lumayan", "skor": 3.5},
    ]
    _write_text("records.json", json.dumps(records, indent=2, ensure_ascii=False) + "\n")


def xlsx_file() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "Januari"
    first.append(["No Tiket", "Tanggal", "Kanal", "Keluhan", "CSAT"])
    first.append(["X-1", dt.datetime(2026, 1, 5, 9, 30), "chat", "Voucher tidak bisa dipakai", 2])
    first.append(["X-2", dt.datetime(2026, 1, 6, 14, 0), "email", "Pengembalian dana cepat", 5])
    first.append(["X-3", "7 Januari 2026", "chat", "Rating di luar skala", 9])
    second = book.create_sheet("Februari")
    second.append(["ID", "Waktu", "Komentar"])
    second.append(["X-4", "2026-02-02 08:15", "Aplikasi lambat dibuka"])
    second.append([None, None, None])
    second.append(["X-5", "3 Februari 2026", "Pengiriman tepat waktu"])
    fixed = dt.datetime(2026, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    target = HERE / "two_sheets.xlsx"
    book.save(target)
    _freeze_zip_times(target)


def xls_file() -> None:
    """An Excel 97-2003 export (.xls) of a legacy help desk: a title row, date cells, numeric
    ticket numbers, an empty second sheet.

    Written with xlwt, which only this script needs (``pip install xlwt==1.3.0``); the
    product reads the file with xlrd.
    """
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Laporan")
    dates = xlwt.easyxf(num_format_str="DD/MM/YYYY HH:MM")
    sheet.write(0, 0, "Laporan Keluhan Pelanggan Maret 2026")
    header = ["No Tiket", "Tanggal", "Kanal", "Isi Keluhan", "Nilai"]
    rows = [
        [100231, dt.datetime(2026, 3, 2, 8, 45), "Telepon", "Tagihan bulan ini dobel 😡", 1],
        [100232, dt.datetime(2026, 3, 2, 13, 5), "Email", "Petugas ramah, masalah beres", 5],
        [100233, dt.datetime(2026, 3, 3, 9, 0), "Chat", "   ", 3],
        [100234, dt.datetime(2026, 3, 4, 16, 20), "Chat", "Nilai di luar skala", 7],
        [100235, "5 Maret 2026", "Telepon", "Gangguan jaringan dua hari", 2.0],
    ]
    for column, name in enumerate(header):
        sheet.write(2, column, name)
    for number, row in enumerate(rows, start=3):
        for column, value in enumerate(row):
            style = dates if isinstance(value, dt.datetime) else xlwt.Style.default_style
            sheet.write(number, column, value, style)
    book.add_sheet("Catatan")  # an empty sheet: skipped
    book.save(str(HERE / "legacy_export.xls"))


def _freeze_zip_times(path: Path) -> None:
    """Rewrite a ZIP with fixed entry times so regenerating gives the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":  # openpyxl stamps the save time as "modified"
                data = re.sub(
                    rb"<dcterms:modified([^>]*)>[^<]*<",
                    rb"<dcterms:modified\1>2026-01-01T00:00:00Z<",
                    data,
                )
            target.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)


def parquet_file() -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": ["P-1", "P-2", "P-3", "P-4"],
            "created_at": pa.array(
                [dt.datetime(2026, 7, d, 10) for d in (1, 2, 3, 4)], pa.timestamp("s")
            ),
            "channel": ["chat", "email", None, "chat"],
            "text": ["Cepat dan ramah", None, "Aplikasi error", "Barang sesuai"],
            "csat": [5.0, 3.0, float("nan"), 4.0],
        }
    )
    pq.write_table(table, HERE / "feedback.parquet")


def not_tables() -> None:
    html = (
        "<!DOCTYPE html>\n<html><head><title>Laporan</title></head>\n"
        "<body><table><tr><td>id</td><td>text</td></tr></table></body></html>\n"
    )
    _write_text("page.html", html)
    _write_text("report.xls", html)  # many help desks "export to Excel" as HTML
    (HERE / "empty.csv").write_bytes(b"")
    rng = random.Random(7)
    png = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(200))
    (HERE / "image.csv").write_bytes(png)
    noise = bytes(rng.randrange(256) for _ in range(600))
    (HERE / "binary.bin").write_bytes(noise)


def no_text_file() -> None:
    text = "id,tanggal,rating,kanal\nK-1,2026-05-01,4,chat\nK-2,2026-05-02,2,email\n"
    _write_text("no_text_column.csv", text)


def dates_file() -> None:
    rows = [
        ("D-1", "12 Mei 2026"),
        ("D-2", "3 Agustus 2026 14:05"),
        ("D-3", "2026-05-12"),
        ("D-4", "12/05/2026"),
        ("D-5", "Senin, 1 Juni 2026"),
        ("D-6", "31/02/2026"),
        ("D-7", "kemarin"),
        ("D-8", "5 Des 2026 09.30"),
        ("D-9", ""),
    ]
    text = "id,tanggal,pesan\n" + "".join(f'{i},"{d}",Pesan nomor {i}\n' for i, d in rows)
    _write_text("indonesian_dates.csv", text)


def scores_file() -> None:
    rows = [
        ("Q-1", "4", "9"),
        ("Q-2", "0", ""),
        ("Q-3", "6", "5"),
        ("Q-4", "abc", "7"),
        ("Q-5", "4.5", "10"),
        ("Q-6", "3", "11"),
        ("Q-7", "2", "-1"),
        ("Q-8", "5", "sepuluh"),
        ("Q-9", "", ""),
        ("Q-10", "N/A", "8"),
    ]
    text = "id,text,csat,nps\n" + "".join(f"{i},Komentar {i},{c},{n}\n" for i, c, n in rows)
    _write_text("bad_scores.csv", text)


def long_text_file() -> None:
    long = ("Pengiriman lambat sekali dan tidak ada kabar. " * 600).strip()
    text = f'id,text\nL-1,"{long}"\nL-2,Pendek saja\n'
    _write_text("long_text.csv", text)


def duplicates_file() -> None:
    text = (
        "id,created_at,text\n"
        "DU-1,2026-05-01,Kurir terlambat\n"
        "DU-2,2026-05-01,Refund belum masuk\n"
        "DU-1,2026-05-01,Kurir terlambat\n"
        "DU-2,2026-05-01,Refund sudah masuk ternyata\n"
        "DU-3,2026-05-02,Baru\n"
    )
    _write_text("duplicates.csv", text)
    text = (
        "tanggal,kanal,keluhan\n"
        "2026-05-01,chat,Sama persis\n"
        "2026-05-01,chat,Sama persis\n"
        "2026-05-01,email,Sama persis\n"
    )
    _write_text("no_id_duplicates.csv", text)


def pii_file() -> None:
    # Obviously fake personal data: example.com mails, test card numbers, made-up NIK/phones.
    text = (
        "id,created_at,channel,text,csat,customer_id,region\n"
        "PII-1,2026-05-01,chat,Hubungi saya di budi.santoso@example.com ya,2,"
        "budi.santoso@example.com,Jakarta\n"
        "PII-2,2026-05-01,whatsapp,Nomor saya +62 812-3456-7890 tolong telepon balik,3,"
        "CUST-0002,Bandung\n"
        "PII-3,2026-05-02,email,NIK saya 3174056501900001 kenapa ditolak,1,CUST-0003,Medan\n"
        "PII-4,2026-05-02,chat,Kartu 4111 1111 1111 1111 terdebit dua kali,1,CUST-0004,Surabaya\n"
        "PII-5,2026-05-03,chat,Email saya siti.aminah@example.com tapi csat salah,9,"
        "CUST-0005,Bali\n"
        "PII-6,2026-05-03,chat,Telp 081298765432 ragged,4,CUST-0006,Depok,extra\n"
        "PII-7,2026-05-04,phone,Atas nama Budi telp 081211112222,,081211112222,Bogor\n"
    )
    _write_text("pii.csv", text)


def report_with_title_file() -> None:
    # A Windows report export: cp1252, semicolons, a title line above the header, a NUL
    # pasted into one comment, a channel that is a whole sentence (longer than 100 chars).
    rows = [
        "Laporan Keluhan Pelanggan Mei 2026;;;",
        "no_tiket;tanggal;kanal;keluhan",
        "R-1;12/05/2026 08:30 WIB;WhatsApp;Paket belum sampai, kurir tidak bisa dihubungi",
        "R-2;12/05/2026 09:15 WITA;Email;Caf\u00e9 di bandara tutup\x00 padahal jadwal buka",
        "R-3;2026-05-12T02:00:00Z;Chat;Refund sudah 2 minggu belum masuk",
        "R-4;13/05/2026;" + "telepon ke call center lalu diteruskan " * 3 + ";Aplikasi error",
        "R-5;13/05/2026;App;Mantap, cepat sekali responnya",
    ]
    _write_text("report_with_title.csv", "\r\n".join(rows) + "\r\n", "cp1252")


def compressed_files() -> None:
    import gzip
    import zipfile

    text = "id,text,csat\nG-1,Paket telat tiga hari,2\nG-2,Pelayanan ramah,5\nG-3,,3\n"
    (HERE / "feedback.csv.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    path = HERE / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export/", "")
        archive.writestr("export/keluhan.csv", text.replace("G-", "Z-"))
        archive.writestr("__MACOSX/export/._keluhan.csv", "metadata")
    _freeze_zip_times(path)


def array_table_file() -> None:
    rows = [
        ["id", "text", "csat"],
        ["A-1", "Sinyal hilang tiap malam", 1],
        ["A-2", "Promo cashback tidak masuk", 2, "extra"],
        ["A-3", "Terima kasih, sudah beres", 5],
        {"id": "A-4", "text": "an object among arrays"},
    ]
    _write_text("array_table.json", json.dumps(rows, indent=1))


def chat_export_file() -> None:
    # Conversations keyed by the (fake) customer's phone number or e-mail address.
    rows = [
        "conversation_id,pesan",
        '"+62 812-0000-1111",Halo kak paket saya belum sampai',
        "628120000222@s.whatsapp.net,Saldo terpotong tapi transaksi gagal",
        "siti.contoh@example.com,Mohon info cara ganti alamat",
        "TKT-00045,Kurir ramah sekali",
    ]
    _write_text("chat_export.csv", "\n".join(rows) + "\n")


def whatsapp_files() -> None:
    """Two WhatsApp chat exports: Android in Indonesian, named after the (fake) contact, and
    an iPhone export in US English, renamed, with marked system lines and media."""
    android = [
        "12/03/26 14.05 - Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang "
        "pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.",
        "12/03/26 14.05 - +62 812-0000-3333: Kak",
        "12/03/26 14.06 - +62 812-0000-3333: paket saya belum sampai, sudah 5 hari",
        "padahal ongkir mahal",
        "12/03/26 14.07 - Toko Contoh: Mohon maaf kak, kami cek dulu ya",
        "12/03/26 14.30 - Toko Contoh: Kak, paketnya tertahan di gudang transit",
        "13/03/26 09.00 - +62 812-0000-3333: <Media tidak disertakan>",
        "13/03/26 09.01 - +62 812-0000-3333: ini foto resinya, tolong dibantu ya kak",
        "14/03/26 20.15 - +62 812-0000-3333: Pesan ini telah dihapus",
        "15/03/26 10.00 - +62 812-0000-3333: Sudah sampai, makasih kak 🙏",
    ]
    _write_text("WhatsApp Chat with +62 812-0000-3333.txt", "\n".join(android) + "\n")
    iphone = [
        "[3/12/26, 2:05:11 PM] Rina: \u200eMessages and calls are end-to-end "
        "encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
        "[3/12/26, 2:05:40 PM] Rina: hi, the app keeps logging me out",
        "[3/12/26, 2:06:02 PM] Rina: \u200eimage omitted",
        "[3/12/26, 2:20:15 PM] Contoh Store: Sorry about that! Please update to the latest "
        "version",
        "[3/13/26, 9:02:00 AM] Rina: updated, works now. thanks!",
    ]
    text = "\r\n".join(iphone) + "\r\n"
    _write_text("chat_export.txt", text)


def joined_exports_file() -> None:
    # Two monthly help-desk exports joined with `cat`: the header repeats; bodies are HTML
    # and satisfaction is exported as the scale's labels or stars.
    header = "id,tanggal,pesan,kepuasan"
    rows = [
        header,
        "A-1,01/05/2026,<p>Paket belum sampai</p><p>Sudah 3 hari</p>,Tidak puas",
        "A-2,02/05/2026,Refund cepat &amp; CS ramah,Sangat puas",
        header,
        "B-1,15/05/2026,Aplikasi error terus,★★☆☆☆",
        "B-2,16/05/2026,Kurir ramah,4/5",
    ]
    _write_text("joined_exports.csv", "\n".join(rows) + "\n")


def us_survey_file() -> None:
    # A survey tool's export in US English: month-first timestamps, NPS ends labelled.
    rows = [
        "Timestamp,How likely are you to recommend us?,Any comments?",
        "5/12/2026 14:05:33,10 - Extremely likely,Fast delivery",
        "5/13/2026 9:00:00,6,Refund took two weeks",
        "5/14/2026 18:45:10,0 - Not at all likely,App keeps crashing",
    ]
    _write_text("us_survey.csv", "\n".join(rows) + "\n")


def api_export_file() -> None:
    # A chat platform's API export: Unix times (UTC) and message bodies as HTML.
    rows = [
        {"conversation_id": "c-101", "created_at": 1778567400, "body": "<p>Halo kak</p>"},
        {"conversation_id": "c-102", "created_at": 1778571000, "body": "Saldo terpotong"},
        {"conversation_id": "c-103", "created_at": "kemarin", "body": "Mohon dibantu"},
    ]
    _write_text("api_export.json", json.dumps(rows, indent=1))


def survey_tool_file() -> None:
    # A survey tool's export (as Qualtrics writes it): two more header rows under the header,
    # the questions' texts and the columns' import ids; camelCase column names.
    def ids(*names: str) -> str:
        return ",".join('"{""ImportId"":""%s""}"' % name for name in names)  # noqa: UP031

    rows = [
        "StartDate,EndDate,Status,IPAddress,Progress,RecordedDate,ResponseId,RecipientEmail,Q1,Q2",
        "Start Date,End Date,Response Type,IP Address,Progress,Recorded Date,Response ID,"
        "Recipient Email,How satisfied were you with our service?,Any comments?",
        ids(
            "startDate",
            "endDate",
            "status",
            "ipAddress",
            "progress",
            "recordedDate",
            "_recordId",
            "recipientEmail",
            "QID1",
            "QID2_TEXT",
        ),
        "2026-05-12 09:00:01,2026-05-12 09:02:11,0,10.0.0.1,100,2026-05-12 09:02:12,R_1abc,"
        "budi.contoh@example.com,4,Pengiriman cepat",
        "2026-05-13 14:10:00,2026-05-13 14:12:30,0,10.0.0.2,100,2026-05-13 14:12:31,R_2def,"
        "siti.contoh@example.com,2,Kurir tidak ramah",
    ]
    _write_text("survey_tool.csv", "\n".join(rows) + "\n")


def main() -> None:
    """Write every nasty file next to this script."""
    for make in (
        utf16_exports,
        cp1252_file,
        bom_file,
        semicolon_file,
        embedded_newlines_file,
        ragged_file,
        jsonl_file,
        json_array_file,
        xlsx_file,
        xls_file,
        parquet_file,
        not_tables,
        no_text_file,
        dates_file,
        scores_file,
        long_text_file,
        duplicates_file,
        pii_file,
        report_with_title_file,
        compressed_files,
        array_table_file,
        chat_export_file,
        whatsapp_files,
        joined_exports_file,
        us_survey_file,
        api_export_file,
        survey_tool_file,
    ):
        make()


if __name__ == "__main__":
    main()
