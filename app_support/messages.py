"""The app's message catalogue: every label, title and help text in Indonesian and English."""

from __future__ import annotations

__all__ = ["MESSAGES"]

#: key -> (Indonesian, English). Placeholders use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    # shell
    "app.title": ("VOC & Peta Perjalanan Pelanggan", "VOC & Customer Journey Map"),
    "app.language": ("Bahasa / Language", "Bahasa / Language"),
    "app.database": ("Basis data: {url}", "Database: {url}"),
    "nav.data": ("Data", "Data"),
    "nav.overview": ("Ringkasan", "Overview"),
    "nav.journey": ("Peta perjalanan", "Journey map"),
    "nav.effort": ("Usaha x dampak", "Effort x impact"),
    "nav.explorer": ("Penjelajah", "Explorer"),
    "nav.backlog": ("Backlog", "Backlog"),
    "nav.emerging": ("Topik baru & model", "Emerging & model"),
    # errors and empty states
    "error.unexpected": (
        "Terjadi kesalahan tak terduga di halaman ini ({kind}). Muat ulang halaman; jika "
        "berulang, jalankan `voc --help` di terminal untuk memeriksa instalasi dan laporkan "
        "langkah yang Anda lakukan.",
        "Something unexpected went wrong on this page ({kind}). Reload the page; if it happens "
        "again, run `voc --help` in a terminal to check the installation and report the steps "
        "you took.",
    ),
    "error.next_step": ("Langkah berikutnya: {hint}", "Next step: {hint}"),
    "empty.no_data": (
        "Belum ada data terklasifikasi: unggah berkas di halaman Data atau jalankan `make demo`.",
        "No classified data yet: upload a file on the Data page or run `make demo`.",
    ),
    "empty.no_rows_filter": (
        "Tidak ada komentar yang cocok dengan filter ini. Perluas rentang tanggal atau hapus "
        "beberapa filter.",
        "No comment matches these filters. Widen the date range or clear some filters.",
    ),
    "empty.no_period_rows": (
        "Periode {period} tidak berisi komentar. Pilih periode lain.",
        "The period {period} holds no comments. Pick another period.",
    ),
    "empty.backlog_missing": (
        "Modul backlog belum terpasang di instalasi ini. Perbarui proyek lalu muat ulang.",
        "The backlog module is not installed in this build. Update the project and reload.",
    ),
    # period picker
    "period.kind": ("Jenis periode", "Period type"),
    "period.kind.month": ("Bulan", "Month"),
    "period.kind.week": ("Minggu", "Week"),
    "period.kind.quarter": ("Kuartal", "Quarter"),
    "period.pick": ("Periode", "Period"),
    "period.previous": ("Dibandingkan dengan {period}", "Compared with {period}"),
    # data page
    "data.title": ("Data: unggah, petakan, muat", "Data: upload, map, load"),
    "data.upload": (
        "Unggah satu atau beberapa berkas umpan balik (CSV, TSV, XLSX, XLS, JSON, JSONL, "
        "Parquet; boleh .gz atau .zip)",
        "Upload one or more feedback files (CSV, TSV, XLSX, XLS, JSON, JSONL, Parquet; .gz or "
        ".zip too)",
    ),
    "data.files": ("{n} berkas dipilih", "{n} files chosen"),
    "data.files_caption": (
        "Kolom setiap berkas dipetakan otomatis; untuk memetakan kolom sendiri, unggah satu "
        "berkas saja. Setiap berkas dimuat sendiri-sendiri: berkas yang gagal tidak "
        "menghentikan yang lain.",
        "Each file's columns are matched automatically; to map columns by hand, upload one "
        "file at a time. Each file is loaded on its own: a file that fails does not stop the "
        "others.",
    ),
    "data.file": ("Berkas", "File"),
    "data.format": ("Format", "Format"),
    "data.tables": ("Tabel", "Tables"),
    "data.text_column": ("Kolom teks", "Text column"),
    "data.no_text_column": ("(tidak ditemukan)", "(not found)"),
    "data.other_columns": ("Kolom lain yang dikenali", "Other columns recognised"),
    "data.file_problem": ("Masalah", "Problem"),
    "data.ingest_files": ("Muat {n} berkas ke basis data", "Load {n} files into the database"),
    "data.ingest_file_rows": ("{name}: {rows:,} baris dibaca", "{name}: {rows:,} rows read"),
    "data.files_done": (
        "{n} dari {total} berkas dimuat",
        "{n} of {total} files loaded",
    ),
    "data.map_alone": (
        "Unggah berkas ini sendiri untuk memilih kolomnya (kolom teks dan lainnya) secara manual.",
        "Upload this file on its own to pick its columns (the text column and others) by hand.",
    ),
    "data.sheet": ("Lembar", "Sheet"),
    "data.all_sheets": (
        "Semua {n} lembar (kolom dipetakan otomatis per lembar)",
        "All {n} sheets (columns matched automatically per sheet)",
    ),
    "data.sheet_help": (
        "Pilih satu lembar untuk melihat pratinjau dan memetakan kolomnya sendiri.",
        "Pick one sheet to preview it and map its columns by hand.",
    ),
    # the ingest's warnings and common file errors (app_support/ingest_text.py)
    "warn.stray_cp1252": (
        "Sebagian byte bukan UTF-8 yang sah; byte itu dibaca sebagai cp1252 (Windows-1252).",
        "Some bytes are not valid UTF-8; they were decoded as cp1252 (Windows-1252).",
    ),
    "warn.decoded_detected": (
        "Dibaca dengan encoding {encoding} (terdeteksi).",
        "Decoded as {encoding} (detected).",
    ),
    "warn.latin1": ("Dibaca sebagai latin-1 (bukan UTF-8).", "Decoded as latin-1 (not UTF-8)."),
    "warn.cp1252": (
        "Dibaca sebagai cp1252 (Windows-1252, bukan UTF-8).",
        "Decoded as cp1252 (Windows-1252, not UTF-8).",
    ),
    "warn.title_lines": (
        "{name}: judul kolom ada di baris {line}; {lines} baris di atasnya dibaca sebagai "
        "judul laporan, bukan sebagai data.",
        "{name}: the header is on line {line}; the {lines} line(s) above it were read as a "
        "title, not as rows.",
    ),
    "warn.short_header": (
        "{name}: baris judul menyebut {width} kolom, tetapi {n} baris pertama masing-masing "
        "berisi {found} kolom: kemungkinan ada nama kolom yang hilang dari baris judul, dan "
        "baris seperti itu dikarantina sebagai ragged_row.",
        "{name}: the header names {width} columns but the first {n} rows each have {found} "
        "fields: a column name is probably missing from the header, and such rows are "
        "quarantined as ragged_row.",
    ),
    "warn.plain_lines": (
        "{name}: tidak ada baris judul maupun pemisah kolom: setiap baris dibaca sebagai satu "
        "komentar.",
        "{name}: no header and no delimiter were found: each line was read as one comment.",
    ),
    "warn.whatsapp_first_sender": (
        "{name}: nama berkas tidak menyebut kontak chat, jadi pengirim pertama dibaca sebagai "
        "pelanggan.",
        "{name}: the file name names no contact of the chat, so its first sender was read as "
        "the customer.",
    ),
    "warn.whatsapp": (
        "{name}: chat WhatsApp: {turns} giliran pelanggan dibaca sebagai komentar; {business} "
        "pesan dari pihak bisnis, {system} baris sistem dan {media} penanda media atau pesan "
        "terhapus tidak dibaca sebagai komentar.",
        "{name}: a WhatsApp chat: {turns} turn(s) of the customer read as comments; "
        "{business} message(s) of the business side, {system} system line(s) and {media} "
        "media or deleted-message placeholder(s) were not read as comments.",
    ),
    "warn.skipped_table": ("{name} dilewati: {reason}", "Skipped {name}: {reason}"),
    "warn.unused_columns": (
        "Kolom {name} yang tidak dipakai: {columns}.",
        "Columns of {name} not used: {columns}.",
    ),
    "warn.archive": (
        "{member} dibaca dari arsip {archive}.",
        "Read {member} from the archive {archive}.",
    ),
    "warn.nul": (
        "Byte NUL dihapus dari nilai {rows} baris (pertama: {table} baris {line}).",
        "NUL bytes were removed from the values of {rows} rows (first: {table} line {line}).",
    ),
    "warn.score_words": (
        "Skor berisi kata atau bintang, dibaca sebagai angka: {read}.",
        "Scores held words or stars, read as numbers: {read}.",
    ),
    "warn.markup": (
        "{n} teks berformat HTML (seperti isi pesan yang diekspor help desk): tag-nya dibuang, "
        "kata-katanya disimpan.",
        "{n} text(s) were HTML (as help desks export message bodies): the markup was removed "
        "and the words kept.",
    ),
    "warn.month_first": (
        "{name}: tanggal created_at dibaca bulan lebih dulu (BB/HH/TTTT, urutan AS): ada "
        "yang angka keduanya di atas 12 (seperti 05/13/2026) dan tidak ada yang angka "
        "pertamanya.",
        "{name}: created_at dates were read month first (MM/DD/YYYY, US order): some have a "
        "second number above 12 (such as 05/13/2026) and none a first one.",
    ),
    "warn.numeric_dates": (
        "created_at berisi angka yang dibaca sebagai tanggal: {kinds}; waktu Unix diubah ke "
        "{zone}, nomor seri hari dan YYYYMMDD dianggap waktu {zone}. Cocokkan beberapa baris "
        "dengan sumbernya.",
        "created_at held numbers, read as dates: {kinds}; Unix times are converted to {zone}, "
        "serial days and YYYYMMDD are taken as {zone} time. Check a few rows against the "
        "source.",
    ),
    "warn.kind.unix_seconds": ("waktu Unix dalam detik (UTC)", "Unix times in seconds (UTC)"),
    "warn.kind.unix_milliseconds": (
        "waktu Unix dalam milidetik (UTC)",
        "Unix times in milliseconds (UTC)",
    ),
    "warn.kind.compact_date": ("angka YYYYMMDD", "YYYYMMDD numbers"),
    "warn.kind.serial_days": (
        "nomor seri hari spreadsheet",
        "spreadsheet serial day numbers",
    ),
    "warn.id_collision": (
        "{conflicts} dari {rows} baris memakai ID baris tersimpan yang isinya lain. Bila berkas "
        "ini dari sistem lain (keduanya memberi nomor mulai 1, misalnya), muat lagi dengan "
        "prefiks ID bernama sistem itu; baris yang dikarantina tetap di karantina.",
        "{conflicts} of {rows} rows have the id of a stored row with other content. If this "
        "file comes from another system than earlier files (both numbering their records "
        "from 1, say), load it again with an id prefix naming that system; its quarantined "
        "rows stay where they are.",
    ),
    "err.no_text_column": (
        "Kolom teks tidak ditemukan di {name}. Kolom yang ada: {columns}.",
        "No text column found in {name}. Available columns: {columns}.",
    ),
    "err.empty": (
        "{name} kosong: tidak ada tabel untuk dibaca.",
        "{name} is empty: there is no table to read.",
    ),
    "err.html": (
        "{name} adalah halaman HTML, bukan tabel. Ekspor ulang sebagai CSV atau XLSX.",
        "{name} is an HTML page, not a table. Export it again as CSV or XLSX.",
    ),
    "err.encrypted": (
        "{name} adalah workbook Excel yang diproteksi kata sandi (terenkripsi); buka di Excel, "
        "hapus kata sandinya lalu simpan, atau simpan lembarnya sebagai CSV.",
        "{name} is a password-protected (encrypted) Excel workbook; open it in Excel, remove "
        "the password and save it, or save the sheet as CSV.",
    ),
    "err.legacy_office": (
        "{name} adalah berkas Office biner lama tanpa workbook (berkas .doc, .ppt atau .msg?), "
        "bukan tabel. Ekspor datanya sebagai CSV, XLSX atau XLS.",
        "{name} is a legacy binary Office file that holds no workbook (a .doc, .ppt or .msg "
        "file?), not a table. Export the data as CSV, XLSX or XLS.",
    ),
    "err.damaged_xls": (
        "{name} tampak seperti workbook Excel 97-2003 (.xls) tetapi rusak; buka di program "
        "spreadsheet lalu simpan lagi sebagai XLSX atau CSV.",
        "{name} looks like an Excel 97-2003 workbook (.xls) but is damaged; open it in a "
        "spreadsheet program and save it again as XLSX or CSV.",
    ),
    "err.binary": (
        "{name} tampak seperti data biner, bukan tabel.",
        "{name} looks like binary data, not a table.",
    ),
    "data.history": ("Riwayat pemuatan", "Load history"),
    "data.run": ("Pemuatan", "Run"),
    "data.status": ("Status", "Status"),
    "data.started": ("Mulai", "Started"),
    "data.status.completed": ("selesai", "completed"),
    "data.status.failed": ("gagal", "failed"),
    "data.status.running": ("berjalan", "running"),
    "data.status.deleted": ("dibatalkan", "undone"),
    "data.undo": ("Batalkan sebuah pemuatan", "Undo a load"),
    "data.undo_help": (
        "Salah berkas atau salah pemetaan? Baris yang dimuat dan dikarantina oleh pemuatan "
        "itu dihapus, beserta label dan koreksinya; riwayatnya tetap tercatat. Berkasnya bisa "
        "dimuat lagi sesudahnya.",
        "Wrong file or wrong mapping? The rows that load loaded and quarantined are deleted, "
        "with their labels and corrections; its record stays in the history. The file can be "
        "loaded again afterwards.",
    ),
    "data.undo_sure": (
        "Saya yakin: hapus baris pemuatan ini",
        "I am sure: delete this load's rows",
    ),
    "data.undo_button": ("Batalkan pemuatan", "Undo the load"),
    "data.undone": (
        "Pemuatan {run} dibatalkan: {rows:,} baris dan {held:,} baris karantina dihapus.",
        "Load {run} undone: {rows:,} rows and {held:,} quarantined rows deleted.",
    ),
    "data.file_failed": ("{name} tidak dimuat: {error}", "{name} was not loaded: {error}"),
    "data.upload_help": (
        "Hanya kolom teks yang wajib; kolom lain dipetakan otomatis dan bisa diubah.",
        "Only a text column is required; the other columns are guessed and can be changed.",
    ),
    "data.preview": ("Pratinjau (20 baris pertama)", "Preview (first 20 rows)"),
    "data.preview_caption": (
        "Ditampilkan sebagaimana akan disimpan: data pribadi sudah disamarkan. Teks mentah "
        "tidak pernah disimpan atau ditampilkan.",
        "Shown as it will be stored: personal data is already redacted. Raw text is never "
        "stored or shown.",
    ),
    "data.mapping": ("Pemetaan kolom", "Column mapping"),
    "data.mapping_help": (
        "Kolom tujuan di kiri, kolom berkas di kanan; kosongkan untuk tidak memakai kolom.",
        "Target column on the left, file column on the right; leave empty to skip it.",
    ),
    "data.target": ("Kolom tujuan", "Target column"),
    "data.source": ("Kolom berkas", "File column"),
    "data.text_columns_help": (
        "Pilih beberapa kolom bila survei punya lebih dari satu pertanyaan isian (mis. alasan "
        "dan saran): jawabannya digabung menjadi satu komentar, satu paragraf per jawaban.",
        "Pick several columns when a survey has more than one free-text question (e.g. reason "
        "and suggestion): the answers are joined into one comment, one paragraph each.",
    ),
    "data.unmapped": ("(tidak dipakai)", "(not used)"),
    "data.id_prefix": ("Prefiks ID sistem sumber (opsional)", "Source-system id prefix (optional)"),
    "data.id_prefix_help": (
        "Isi nama sistem (mis. zendesk) bila berkas ini dari sistem lain yang juga memberi "
        "nomor 1, 2, 3...: ID menjadi zendesk:1 dan tidak bentrok dengan berkas sebelumnya.",
        "Name the system (e.g. zendesk) when this file comes from another system that also "
        "numbers records 1, 2, 3...: ids become zendesk:1 and do not collide with earlier files.",
    ),
    "data.ingest": ("Muat ke basis data", "Load into the database"),
    "data.classify_after": ("Klasifikasikan setelah dimuat", "Classify after loading"),
    "data.ingesting": ("Memuat {name}...", "Loading {name}..."),
    "data.ingest_rows": ("{rows:,} baris dibaca", "{rows:,} rows read"),
    "data.classifying": ("Mengklasifikasi {n:,} komentar...", "Classifying {n:,} comments..."),
    "data.classified": ("{n:,} komentar diklasifikasi.", "{n:,} comments classified."),
    "data.nothing_to_classify": (
        "Semua komentar sudah diklasifikasi.",
        "Every comment is already classified.",
    ),
    "data.summary": ("Ringkasan pemuatan", "Load summary"),
    "data.rows_in": ("Baris masuk", "Rows in"),
    "data.loaded": ("Dimuat", "Loaded"),
    "data.quarantined": ("Dikarantina", "Quarantined"),
    "data.duplicates": ("Duplikat", "Duplicates"),
    "data.reasons": ("Alasan karantina", "Quarantine reasons"),
    "data.reason": ("Alasan", "Reason"),
    "data.rows": ("Baris", "Rows"),
    "data.pii_found": ("Data pribadi yang disamarkan", "Personal data redacted"),
    "data.pii_type": ("Jenis", "Type"),
    "data.pii_count": ("Jumlah", "Count"),
    "reason.ragged_row": (
        "jumlah kolom baris tidak sama dengan header",
        "the row has more or fewer fields than the header",
    ),
    "reason.broken_json": ("baris JSON rusak", "broken JSON line or element"),
    "reason.repeated_header": (
        "baris header berulang (berkas digabung)",
        "repeated header row (files joined together)",
    ),
    "reason.empty_text": ("teks kosong", "empty text"),
    "reason.invalid_date": ("tanggal tidak terbaca", "unreadable date"),
    "reason.invalid_csat": ("CSAT bukan angka 1-5", "CSAT is not a number from 1 to 5"),
    "reason.invalid_nps": ("NPS bukan angka 0-10", "NPS is not a number from 0 to 10"),
    "reason.invalid_number": ("durasi bukan angka >= 0", "duration is not a number >= 0"),
    "reason.invalid_boolean": ("nilai ya/tidak tidak terbaca", "unreadable yes/no value"),
    "reason.invalid_id": ("ID terlalu panjang (> 255 karakter)", "id longer than 255 characters"),
    "reason.value_too_long": (
        "nilai kanal/segmen/pelanggan terlalu panjang",
        "channel/segment/customer value too long",
    ),
    "reason.conflicting_duplicate_id": (
        "ID sudah dimuat dengan isi lain",
        "id already loaded with other content",
    ),
    "data.download_quarantine": (
        "Unduh baris karantina (CSV, tersamar)",
        "Download quarantined rows (CSV, redacted)",
    ),
    "data.classify_pending": ("Klasifikasikan komentar yang tertunda", "Classify pending comments"),
    "data.pending": (
        "{n:,} komentar di basis data belum diklasifikasi.",
        "{n:,} comments in the database are not classified yet.",
    ),
    "data.other_versions": (
        "{n:,} komentar diklasifikasi dengan versi model lain ({versions}); model aplikasi "
        "sekarang {now}. Grafik baru memakai satu model setelah diklasifikasi ulang.",
        "{n:,} comments were classified with another model version ({versions}); the app's "
        "model is now {now}. Charts rest on one model once they are classified again.",
    ),
    "overview.mixed_versions": (
        "Komentar di sini diklasifikasi oleh lebih dari satu versi model ({versions}), jadi "
        "grafik mencampur label keduanya. Klasifikasikan ulang di halaman Data (atau `voc "
        "reclassify`).",
        "The comments here were classified by more than one model version ({versions}), so "
        "the charts mix their labels. Classify them again on the Data page (or `voc "
        "reclassify`).",
    ),
    "data.reclassify": (
        "Klasifikasikan ulang dengan model sekarang ({n:,})",
        "Classify again with the current model ({n:,})",
    ),
    "data.runs": ("Riwayat pemuatan", "Load history"),
    "data.pick_file": (
        "Pilih berkas untuk memulai. Contoh: data/sample/feedback.csv.",
        "Pick a file to start. Example: data/sample/feedback.csv.",
    ),
    # KPIs
    "kpi.volume": ("Volume", "Volume"),
    "kpi.csat": ("CSAT %", "CSAT %"),
    "kpi.net_sentiment": ("Sentimen bersih", "Net sentiment"),
    "kpi.nps": ("NPS", "NPS"),
    "kpi.frt": ("FRT (menit)", "FRT (min)"),
    "kpi.aht": ("AHT (menit)", "AHT (min)"),
    "kpi.fcr": ("FCR %", "FCR %"),
    "kpi.help.volume": (
        "Jumlah komentar pada periode ini (duplikat tidak dihitung). Panah: selisih dengan "
        "periode sebelumnya, tanpa warna karena naik-turunnya volume tidak baik atau buruk "
        "dengan sendirinya.",
        "Comments in the period (duplicates not counted). Arrow: change against the previous "
        "period, not coloured, as more or fewer comments is neither good nor bad by itself.",
    ),
    "kpi.help.csat": (
        "Respons CSAT bernilai 4 atau 5 (skala 1-5) / semua respons CSAT x 100; hanya komentar "
        "yang punya nilai CSAT. Naik = lebih baik.",
        "CSAT responses rated 4 or 5 (1-5 scale) / all CSAT responses x 100; only comments "
        "with a CSAT score. Up = better.",
    ),
    "kpi.help.net_sentiment": (
        "% komentar positif - % komentar negatif (sentimen dari model, semua komentar), "
        "antara -100 dan 100. Naik = lebih baik.",
        "% positive comments - % negative comments (sentiment from the model, every comment), "
        "between -100 and 100. Up = better.",
    ),
    "kpi.help.nps": (
        "% promotor (9-10) - % detraktor (0-6) dari respons NPS (skala 0-10), antara -100 dan "
        "100. Naik = lebih baik.",
        "% promoters (9-10) - % detractors (0-6) of the NPS responses (0-10 scale), between "
        "-100 and 100. Up = better.",
    ),
    "kpi.help.frt": (
        "Median waktu respons pertama (balasan manusia pertama - tiket dibuat), dalam menit, "
        "dari tiket yang punya data FRT. Turun = lebih baik (hijau); balasan cepat tapi kosong "
        "hanya memperindah angka ini.",
        "Median first response time (first human reply - ticket created), in minutes, over "
        "tickets with FRT data. Down = better (green); a fast but empty reply only games it.",
    ),
    "kpi.help.aht": (
        "Rata-rata waktu penanganan (bicara/chat + hold + after-call work) per tiket yang punya "
        "data AHT, dalam menit. Tanpa warna: AHT yang ditekan tanpa melihat FCR dan CSAT "
        "menurunkan keduanya; baca bersama.",
        "Average handling time (talk/chat + hold + after-call work) per ticket with AHT data, "
        "in minutes. Not coloured: pushing AHT down without watching FCR and CSAT lowers "
        "both; read them together.",
    ),
    "kpi.help.fcr": (
        "Kasus yang selesai di kontak pertama / kasus dengan data FCR x 100. Naik = lebih baik.",
        "Cases resolved at the first contact / cases with FCR data x 100. Up = better.",
    ),
    # overview
    "overview.title": ("Ringkasan", "Overview"),
    "overview.speed": ("Kecepatan & beban", "Speed & load"),
    "overview.quality": ("Kualitas & penyelesaian", "Quality & resolution"),
    "overview.efficiency": ("Efisiensi", "Efficiency"),
    "overview.frt_channel": ("FRT median per kanal (menit)", "Median FRT per channel (min)"),
    "overview.heatmap": ("Jam sibuk (hari x jam)", "Busy hours (weekday x hour)"),
    "overview.csat_topic": ("CSAT % per topik", "CSAT % per topic"),
    "overview.fcr_channel": ("FCR % per kanal", "FCR % per channel"),
    "overview.top10": ("10 isu teratas dan trennya", "Top-10 issues with trend"),
    "overview.aht_topic": ("AHT per kategori (menit)", "AHT per category (min)"),
    "overview.aht_agent": ("AHT per agen (menit)", "AHT per agent (min)"),
    "overview.not_present": (
        "Kolom {column} tidak ada di data ini; bagian ini muncul bila kolom tersebut dimuat.",
        "The column {column} is not in this data; this part appears once it is loaded.",
    ),
    "overview.trend": ("Tren mingguan (negatif)", "Weekly trend (negative)"),
    # common column names
    "col.channel": ("Kanal", "Channel"),
    "col.topic": ("Topik", "Topic"),
    "col.touchpoint": ("Tahap perjalanan", "Touchpoint"),
    "col.sentiment": ("Sentimen", "Sentiment"),
    "col.lang": ("Bahasa", "Language"),
    "col.segment": ("Segmen", "Segment"),
    "col.product_line": ("Lini produk", "Product line"),
    "col.region": ("Wilayah", "Region"),
    "col.agent": ("Agen", "Agent"),
    "col.text": ("Komentar (tersamar)", "Comment (redacted)"),
    "col.created_at": ("Waktu", "Time"),
    "col.confidence": ("Keyakinan topik", "Topic confidence"),
    "col.volume": ("Volume", "Volume"),
    "widget.all": ("Semua (pilih untuk menyaring)", "All (pick to filter)"),
    "widget.choose": ("Pilih", "Choose"),
    "col.impact": ("Dampak", "Impact"),
    "col.effort": ("Usaha", "Effort"),
    "col.quadrant": ("Kuadran", "Quadrant"),
    "col.priority": ("Prioritas", "Priority"),
    "col.rank": ("Peringkat", "Rank"),
    "col.issue": ("Isu", "Issue"),
    "col.reach": ("Jangkauan (pelanggan)", "Reach (customers)"),
    "col.owner": ("Departemen pemilik", "Owner department"),
    "col.status": ("Status", "Status"),
    "col.assignee": ("Penanggung jawab", "Assignee"),
    "col.due_date": ("Tenggat", "Due date"),
    "col.target_kpi": ("KPI target", "Target KPI"),
    "col.title": ("Judul", "Title"),
    "col.version": ("Versi", "Version"),
    "col.weekday": ("Hari", "Weekday"),
    "col.hour": ("Jam", "Hour"),
    "col.value": ("Nilai", "Value"),
    # journey page
    "journey.title": ("Peta perjalanan pelanggan", "Customer journey map"),
    "journey.stages": ("Tahap: volume, sentimen, CSAT", "Stages: volume, sentiment, CSAT"),
    "journey.right_axis": ("Skor sentimen; CSAT / 100", "Sentiment score; CSAT / 100"),
    "journey.curve": ("Kurva emosi (skor sentimen rata-rata)", "Emotion curve (mean sentiment)"),
    "journey.grid": ("Tahap x topik (komentar negatif)", "Touchpoint x topic (negative comments)"),
    "journey.grid_help": (
        "Klik sel atau pilih tahap dan topik di bawah untuk membaca komentarnya.",
        "Click a cell or pick a touchpoint and a topic below to read its comments.",
    ),
    "journey.verbatims": ("Komentar: {touchpoint} / {topic}", "Comments: {touchpoint} / {topic}"),
    # effort x impact
    "effort.title": ("Usaha x dampak", "Effort x impact"),
    "effort.grid": ("Matriks usaha x dampak", "Effort x impact grid"),
    "effort.top10": ("10 isu teratas", "Top-10 issues"),
    "effort.evidence": ("Bukti", "Evidence"),
    "effort.key_phrases": ("Frasa kunci", "Key phrases"),
    "effort.override": ("Ubah usaha (1-5)", "Override effort (1-5)"),
    "effort.override_saved": (
        "Usaha untuk {issue} disimpan: {effort}.",
        "Effort for {issue} saved: {effort}.",
    ),
    "effort.add": ("Tambahkan ke backlog", "Add to backlog"),
    "effort.pick_issues": ("Isu untuk backlog", "Issues for the backlog"),
    "effort.added": ("{n} item dibuat di backlog.", "{n} backlog item(s) created."),
    "effort.exists": (
        "Sudah ada item terbuka: {message}",
        "An open item exists already: {message}",
    ),
    "effort.none": (
        "Belum ada isu untuk periode ini. Pilih periode dengan lebih banyak komentar.",
        "No issue for this period yet. Pick a period with more comments.",
    ),
    # explorer
    "explorer.title": ("Penjelajah komentar", "Comment explorer"),
    "explorer.dates": ("Rentang tanggal", "Date range"),
    "explorer.min_conf": ("Keyakinan topik minimum", "Minimum topic confidence"),
    "explorer.phrase": ("Sorot frasa", "Highlight phrase"),
    "explorer.matches": ("{n:,} komentar cocok.", "{n:,} comments match."),
    "explorer.partial_weeks": (
        "Garis titik-titik: minggu pertama atau terakhir tidak penuh dalam rentang tanggal; "
        "angkanya lebih kecil karena harinya lebih sedikit, bukan karena komentar berkurang.",
        "Dotted: the first or last week is not complete in the date range; its count is lower "
        "because it has fewer days, not because comments fell.",
    ),
    "explorer.week_days": ("{days}/7 hari", "{days}/7 days"),
    "explorer.trend": ("Tren mingguan", "Weekly trend"),
    "explorer.download": (
        "Unduh baris terfilter (CSV, tersamar)",
        "Download filtered rows (CSV, redacted)",
    ),
    "explorer.showing": ("Menampilkan {n} komentar pertama.", "Showing the first {n} comments."),
    # backlog
    "backlog.title": ("Backlog CX lintas departemen", "Cross-department CX backlog"),
    "backlog.board": ("Papan", "Board"),
    "backlog.weekly": ("Tampilan mingguan", "Weekly view"),
    "backlog.monthly": ("Tampilan bulanan", "Monthly view"),
    "backlog.exports": ("Ekspor", "Exports"),
    "backlog.empty": (
        "Backlog masih kosong: tambahkan isu dari halaman Usaha x dampak.",
        "The backlog is empty: add issues from the Effort x impact page.",
    ),
    "backlog.edit": ("Ubah item", "Edit item"),
    "backlog.pick_item": ("Item", "Item"),
    "backlog.save": ("Simpan", "Save"),
    "backlog.saved": (
        "Item {id} disimpan (versi {version}).",
        "Item {id} saved (version {version}).",
    ),
    "backlog.conflict": (
        "Item ini diubah orang lain sebelum Anda menyimpan. {message}",
        "Someone changed this item before you saved. {message}",
    ),
    "backlog.by": ("Nama Anda", "Your name"),
    "backlog.biggest": ("Isu terbesar minggu ini", "Biggest issue this week"),
    "backlog.quick_wins": ("Tiga quick win", "Three quick wins"),
    "backlog.month": ("Bulan", "Month"),
    "backlog.history": ("Riwayat perubahan", "Change history"),
    "backlog.no_change": ("Tidak ada perubahan untuk disimpan.", "There is no change to save."),
    # emerging and model
    "emerging.title": ("Topik baru & kualitas model", "Emerging topics & model quality"),
    "emerging.candidates": ("Kandidat topik baru", "Emerging-topic candidates"),
    "emerging.none": (
        "Tidak ada klaster yang tumbuh pada periode ini.",
        "No growing cluster in this period.",
    ),
    "emerging.cluster": (
        "Klaster {cluster}: {size} komentar (sebelumnya {previous})",
        "Cluster {cluster}: {size} comments (previously {previous})",
    ),
    "model.quality": ("Kualitas model (uji internal)", "Model quality (internal test)"),
    "model.version": ("Versi model", "Model version"),
    "model.none": (
        "Belum ada model klasifikasi. Jalankan `voc models prepare` lalu `voc train`.",
        "No classifier yet. Run `voc models prepare` and then `voc train`.",
    ),
    "model.no_metrics": (
        "Kartu model ini tidak memuat metrik uji internal.",
        "This model card has no internal test metrics.",
    ),
    "model.note": (
        "Diukur pada split uji internal ({n} baris) dari data latih yang ditulis tim sendiri. "
        "Komentar pelanggan sungguhan lebih sulit: pada set evaluasi terpisah angkanya lebih "
        "rendah (docs/EVALUATION.md), jadi periksa antrean tinjauan di bawah.",
        "Measured on the internal test split ({n} rows) of the team's own written training "
        "data. Real customers' comments are harder: on separate evaluation sets the numbers "
        "are lower (docs/EVALUATION.md), so work through the review queue below.",
    ),
    "model.accuracy": ("Akurasi", "Accuracy"),
    "model.macro_f1": ("Macro-F1", "Macro-F1"),
    "model.set_f1": ("F1 set topik (mikro)", "Topic-set F1 (micro)"),
    "model.rows": ("Baris uji", "Test rows"),
    "model.precision": ("Presisi", "Precision"),
    "model.per_label": ("F1 per label", "F1 per label"),
    "model.bar_hover": (
        "%{y}: F1 %{x:.3f}<br>presisi %{customdata[0]:.3f}, recall %{customdata[1]:.3f}, "
        "%{customdata[2]:,} baris<extra></extra>",
        "%{y}: F1 %{x:.3f}<br>precision %{customdata[0]:.3f}, recall %{customdata[1]:.3f}, "
        "%{customdata[2]:,} rows<extra></extra>",
    ),
    "model.per_lang": ("Per bahasa", "Per language"),
    "model.confusion": (
        "Matriks kebingungan (baris: label benar, kolom: prediksi)",
        "Confusion matrix (rows: true label, columns: prediction)",
    ),
    "model.predicted": ("Prediksi", "Predicted"),
    "model.true": ("Label benar", "True label"),
    "model.details": ("Angka lengkap per label", "All numbers per label"),
    "review.title": ("Antrean tinjauan (keyakinan rendah)", "Review queue (low confidence)"),
    "review.empty": ("Tidak ada komentar yang perlu ditinjau.", "No comment needs review."),
    "review.save": ("Simpan koreksi", "Save corrections"),
    "review.saved": (
        "{n} koreksi disimpan sebagai contoh latih.",
        "{n} corrections saved as training examples.",
    ),
    "review.stored": (
        "{n} contoh latih dari koreksi tersimpan.",
        "{n} training examples from corrections stored.",
    ),
    "review.retrain": ("Latih ulang model (versi baru)", "Retrain the model (new version)"),
    "review.retrain_help": (
        "Melatih {version} dari korpus latih ditambah koreksi; versi lama tetap bisa dipilih.",
        "Trains {version} from the training corpus plus corrections; older versions remain.",
    ),
    "review.retrained": (
        "Model {version} dilatih dan disimpan.",
        "Model {version} trained and saved.",
    ),
    "review.no_corrections": (
        "Simpan minimal satu koreksi sebelum melatih ulang.",
        "Save at least one correction before retraining.",
    ),
    # shared vocab for ids without taxonomy names
    "sentiment.negative": ("negatif", "negative"),
    "sentiment.neutral": ("netral", "neutral"),
    "sentiment.positive": ("positif", "positive"),
    "lang.id": ("Indonesia", "Indonesian"),
    "lang.en": ("Inggris", "English"),
    "lang.mixed": ("Campuran", "Mixed"),
    "quadrant.quick_win": ("Quick win", "Quick win"),
    "quadrant.major_project": ("Proyek besar", "Major project"),
    "quadrant.fill_in": ("Pengisi", "Fill-in"),
    "quadrant.thankless": ("Tugas tanpa hasil", "Thankless task"),
    "status.new": ("baru", "new"),
    "status.triaged": ("ditriase", "triaged"),
    "status.committed": ("disepakati", "committed"),
    "status.in_progress": ("dikerjakan", "in progress"),
    "status.done": ("selesai", "done"),
    "status.wont_fix": ("tidak diperbaiki", "won't fix"),
    "weekday.0": ("Sen", "Mon"),
    "weekday.1": ("Sel", "Tue"),
    "weekday.2": ("Rab", "Wed"),
    "weekday.3": ("Kam", "Thu"),
    "weekday.4": ("Jum", "Fri"),
    "weekday.5": ("Sab", "Sat"),
    "weekday.6": ("Min", "Sun"),
}
