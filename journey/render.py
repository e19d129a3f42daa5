"""Render committee briefs as Markdown or a standalone HTML page (English or Indonesian)."""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journey.brief import Brief
    from journey.evidence import IssueEvidence

__all__ = ["brief_markdown", "brief_html", "sparkline", "QUADRANT_NAMES"]

#: Display names of the quadrants.
QUADRANT_NAMES = {
    "en": {
        "quick_win": "Quick win",
        "major_project": "Major project",
        "fill_in": "Fill-in",
        "thankless": "Thankless task",
    },
    "id": {
        "quick_win": "Quick win (dampak tinggi, usaha rendah)",
        "major_project": "Proyek besar",
        "fill_in": "Pengisi",
        "thankless": "Kurang sepadan",
    },
}
_TEXT = {
    "en": {
        "week": "CX committee weekly brief",
        "month": "CX committee monthly brief",
        "overview": "The period in numbers",
        "comments": "Comments",
        "customers": "Customers",
        "csat": "CSAT",
        "nps": "NPS",
        "fcr": "FCR",
        "net": "Net sentiment",
        "previous": "previous",
        "biggest": "Biggest issue",
        "quick_wins": "Quick wins",
        "no_issues": "No issue reached the mention threshold in this period.",
        "no_wins": "No quick win this period (no issue with high impact and low effort).",
        "few_wins": "Only {n} quick win(s) this period.",
        "owner": "Owner",
        "quadrant": "Quadrant",
        "scores": "Impact {impact} / effort {effort} / priority {priority} (rank {rank})",
        "volume": "Negative comments: {neg} of {mentions} mentions ({share} negative), "
        "{change} vs previous period",
        "reach": "Customers affected: {customers} ({share} of the period's customers)",
        "drag": "{name} drag: {drag} points (CSAT of these comments {csat})",
        "sentiment_drag": "Net-sentiment drag: {drag} points (no CSAT survey in the period)",
        "nps_drag": "NPS drag: {drag} points",
        "momentum": "Latest week z-score: {z}{spike}",
        "spike": " - spike in {weeks}",
        "repeat": "Repeat contacts: {repeat}; FCR gap: {gap} points",
        "phrases": "Key phrases",
        "verbatims": "What customers say",
        "trend": "Weekly trend",
        "departments": "Issues by department",
        "open_items": "Open backlog items",
        "no_open_items": "No open backlog items.",
        "journey": "Journey stages",
        "stage": "Stage",
        "share_negative": "Negative",
        "new": "new",
        "issues_found": "{n} issue(s) found",
        "table_head": "| # | Issue | Quadrant | Impact | Effort | Negative | Change | Trend |",
    },
    "id": {
        "week": "Ringkasan mingguan komite CX",
        "month": "Ringkasan bulanan komite CX",
        "overview": "Angka periode ini",
        "comments": "Komentar",
        "customers": "Pelanggan",
        "csat": "CSAT",
        "nps": "NPS",
        "fcr": "FCR",
        "net": "Sentimen bersih",
        "previous": "sebelumnya",
        "biggest": "Masalah terbesar",
        "quick_wins": "Quick win",
        "no_issues": "Tidak ada masalah yang mencapai ambang jumlah keluhan pada periode ini.",
        "no_wins": "Tidak ada quick win periode ini (tidak ada masalah berdampak tinggi "
        "dengan usaha rendah).",
        "few_wins": "Hanya {n} quick win periode ini.",
        "owner": "Pemilik",
        "quadrant": "Kuadran",
        "scores": "Dampak {impact} / usaha {effort} / prioritas {priority} (peringkat {rank})",
        "volume": "Komentar negatif: {neg} dari {mentions} sebutan ({share} negatif), "
        "{change} dibanding periode sebelumnya",
        "reach": "Pelanggan terdampak: {customers} ({share} dari pelanggan periode ini)",
        "drag": "Drag {name}: {drag} poin (CSAT komentar ini {csat})",
        "sentiment_drag": "Drag sentimen bersih: {drag} poin (tidak ada survei CSAT)",
        "nps_drag": "Drag NPS: {drag} poin",
        "momentum": "Skor z minggu terakhir: {z}{spike}",
        "spike": " - lonjakan pada {weeks}",
        "repeat": "Kontak berulang: {repeat}; selisih FCR: {gap} poin",
        "phrases": "Frasa kunci",
        "verbatims": "Kata pelanggan",
        "trend": "Tren mingguan",
        "departments": "Masalah per departemen",
        "open_items": "Item backlog terbuka",
        "no_open_items": "Tidak ada item backlog terbuka.",
        "journey": "Tahapan perjalanan pelanggan",
        "stage": "Tahap",
        "share_negative": "Negatif",
        "new": "baru",
        "issues_found": "{n} masalah ditemukan",
        "table_head": "| # | Masalah | Kuadran | Dampak | Usaha | Negatif | Perubahan | Tren |",
    },
}
_BLOCKS = "▁▂▃▄▅▆▇█"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _num(value: Any, lang: str, digits: int = 1) -> str:
    if _missing(value):
        return "n/a"
    text = f"{float(value):,.{digits}f}"
    if lang == "id":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _pct(value: Any, lang: str, digits: int = 0) -> str:
    return "n/a" if _missing(value) else f"{_num(100.0 * float(value), lang, digits)}%"


def _points(value: Any, lang: str, digits: int = 1) -> str:
    """A value already in percent points, e.g. CSAT% 46.5 -> "46.5%"."""
    return "n/a" if _missing(value) else f"{_num(value, lang, digits)}%"


def _signed(value: Any, lang: str, digits: int = 2) -> str:
    if _missing(value):
        return "n/a"
    return ("+" if float(value) >= 0 else "") + _num(value, lang, digits)


def _change(metrics: dict[str, Any], lang: str) -> str:
    if metrics.get("is_new"):
        return _TEXT[lang]["new"]
    return (
        "n/a"
        if _missing(metrics.get("momentum_pct"))
        else f"{_signed(metrics['momentum_pct'], lang, 0)}%"
    )


def sparkline(values: list[int]) -> str:
    """Unicode block sparkline of a series (empty string for an empty series)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return _BLOCKS[0] * len(values)
    return "".join(_BLOCKS[round((v - low) / (high - low) * (len(_BLOCKS) - 1))] for v in values)


def _svg_sparkline(values: list[int], width: int = 120, height: int = 24) -> str:
    if len(values) < 2:
        return ""
    high = max(max(values), 1)
    step = width / (len(values) - 1)
    points = " ".join(
        f"{i * step:.1f},{height - 2 - (v / high) * (height - 4):.1f}" for i, v in enumerate(values)
    )
    return (
        f'<svg class="spark" width="{width}" height="{height}" role="img">'
        f'<polyline fill="none" stroke="#c0392b" stroke-width="1.5" points="{points}"/></svg>'
    )


def _issue_lines(issue: IssueEvidence, lang: str) -> list[str]:
    t, m = _TEXT[lang], issue.metrics
    lines = [
        f"{t['owner']}: {issue.owner_name(lang)}; {t['quadrant']}: "
        f"{QUADRANT_NAMES[lang].get(issue.quadrant, issue.quadrant)}",
        t["scores"].format(
            impact=_num(m.get("impact"), lang, 0),
            effort=_num(m.get("effort"), lang, 0),
            priority=_num(m.get("priority"), lang, 0),
            rank=m.get("rank"),
        ),
        t["volume"].format(
            neg=m.get("negative_mentions"),
            mentions=m.get("mentions"),
            share=_pct(m.get("share_negative"), lang),
            change=_change(m, lang),
        ),
    ]
    if not _missing(m.get("customers_affected")):
        lines.append(
            t["reach"].format(
                customers=m["customers_affected"], share=_pct(m.get("customers_share"), lang, 1)
            )
        )
    if m.get("drag_source") in ("csat", "nps"):
        lines.append(
            t["drag"].format(
                name=m["drag_source"].upper(),
                drag=_signed(m.get("drag_points"), lang),
                csat="n/a"
                if _missing(m.get("csat_percent"))
                else f"{_num(m['csat_percent'], lang, 0)}%",
            )
        )
    else:
        lines.append(t["sentiment_drag"].format(drag=_signed(m.get("sentiment_drag_points"), lang)))
    if (
        m.get("drag_source") == "csat"
        and not _missing(m.get("nps_drag_points"))
        and m.get("nps_responses")
    ):
        lines.append(t["nps_drag"].format(drag=_signed(m["nps_drag_points"], lang)))
    spike = t["spike"].format(weeks=", ".join(m.get("spike_weeks") or [])) if m.get("spike") else ""
    lines.append(t["momentum"].format(z=_signed(m.get("momentum_z"), lang, 1), spike=spike))
    if not _missing(m.get("repeat_contact_rate")) or not _missing(m.get("fcr_gap_points")):
        lines.append(
            t["repeat"].format(
                repeat=_pct(m.get("repeat_contact_rate"), lang),
                gap=_signed(m.get("fcr_gap_points"), lang, 1),
            )
        )
    return lines


def _issue_markdown(issue: IssueEvidence, lang: str, heading: str) -> list[str]:
    t = _TEXT[lang]
    out = [f"{heading} {issue.title(lang)}", ""]
    out += [f"- {line}" for line in _issue_lines(issue, lang)]
    counts = [c for _, c in issue.weekly]
    if counts:
        out.append(
            f"- {t['trend']}: {sparkline(counts)} ({issue.weekly[0][0]}..{issue.weekly[-1][0]})"
        )
    if issue.key_phrases:
        out.append(f"- {t['phrases']}: " + ", ".join(p for p, _ in issue.key_phrases))
    if issue.verbatims:
        out += ["", f"{t['verbatims']}:", ""]
        out += [f"> [{v.lang}] {' '.join(v.text.split())}" + "\n>" for v in issue.verbatims]
        out[-1] = out[-1].removesuffix("\n>")
    out.append("")
    return out


def _overview_markdown(brief: Brief) -> list[str]:
    t, lang, totals = _TEXT[brief.lang], brief.lang, brief.totals
    prev = totals.get("previous", {})
    rows = [
        (t["comments"], _num(totals.get("comments"), lang, 0), _num(prev.get("comments"), lang, 0)),
        (
            t["csat"],
            _points(totals.get("csat_percent"), lang),
            _points(prev.get("csat_percent"), lang),
        ),
        (t["nps"], _num(totals.get("nps"), lang), _num(prev.get("nps"), lang)),
        (
            t["fcr"],
            _points(totals.get("fcr_percent"), lang),
            _points(prev.get("fcr_percent"), lang),
        ),
        (t["net"], _num(totals.get("net_sentiment"), lang), _num(prev.get("net_sentiment"), lang)),
    ]
    out = [
        f"## {t['overview']}",
        "",
        f"| | {brief.period.label} | {t['previous']} ({totals.get('previous_label', '')}) |",
        "|---|---:|---:|",
    ]
    out += [f"| {name} | {now} | {before} |" for name, now, before in rows]
    out += ["", f"{t['issues_found'].format(n=brief.issue_count)}.", ""]
    return out


def _stages_markdown(brief: Brief) -> list[str]:
    t, lang = _TEXT[brief.lang], brief.lang
    name_column = "name_id" if lang == "id" else "name_en"
    out = [
        f"## {t['journey']}",
        "",
        f"| {t['stage']} | {t['comments']} | {t['share_negative']} | {t['net']} | {t['csat']} |",
        "|---|---:|---:|---:|---:|",
    ]
    for _, row in brief.stages.iterrows():
        out.append(
            f"| {row[name_column]} | {int(row['volume'])} | {_pct(row['share_negative'], lang)} | "
            f"{_num(row['net_sentiment'], lang)} | "
            f"{_points(row['csat_percent'], lang)} |"
        )
    return out + [""]


def brief_markdown(brief: Brief) -> str:
    """Render a :class:`journey.brief.Brief` as Markdown."""
    t, lang = _TEXT[brief.lang], brief.lang
    out = [f"# {t[brief.kind]}: {brief.period.label}", ""]
    out += _overview_markdown(brief)
    if brief.kind == "week":
        out += [f"## {t['biggest']}", ""]
        if brief.biggest is None:
            out += [t["no_issues"], ""]
        else:
            out += _issue_markdown(brief.biggest, lang, "###")
        out += [f"## {t['quick_wins']}", ""]
        if not brief.quick_wins:
            out += [t["no_wins"], ""]
        elif len(brief.quick_wins) < 3:
            out += [t["few_wins"].format(n=len(brief.quick_wins)), ""]
        for position, issue in enumerate(brief.quick_wins, start=1):
            out += _issue_markdown(issue, lang, f"### {position}.")
    else:
        out += _stages_markdown(brief)
        out += [f"## {t['departments']}", ""]
        if not brief.departments:
            out += [t["no_issues"], ""]
        for section in brief.departments:
            out += [
                f"### {section.name(lang)}",
                "",
                t["table_head"],
                "|---:|---|---|---:|---:|---:|---:|---|",
            ]
            for issue in section.issues:
                m = issue.metrics
                out.append(
                    f"| {m.get('rank')} | {issue.title(lang)} | "
                    f"{QUADRANT_NAMES[lang].get(issue.quadrant, issue.quadrant)} | "
                    f"{_num(m.get('impact'), lang, 0)} | {_num(m.get('effort'), lang, 0)} | "
                    f"{m.get('negative_mentions')} | {_change(m, lang)} | "
                    f"{sparkline([c for _, c in issue.weekly])} |"
                )
            out.append("")
            for issue in section.issues[:3]:
                if issue.key_phrases:
                    out.append(
                        f"- {issue.title(lang)} - {t['phrases']}: "
                        + ", ".join(p for p, _ in issue.key_phrases[:5])
                    )
            if brief.has_backlog_hook:
                out += ["", f"#### {t['open_items']}", ""]
                out += [_item_line(item) for item in section.open_items] or [t["no_open_items"]]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _item_line(item: dict[str, Any]) -> str:
    extras = [str(item[k]) for k in ("status", "due", "target_kpi") if item.get(k)]
    prefix = f"#{item['id']} " if item.get("id") is not None else ""
    return f"- {prefix}{item['title']}" + (f" ({', '.join(extras)})" if extras else "")


_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;"
    "color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;"
    "padding:.25em .5em;text-align:left}blockquote{border-left:3px solid #c0392b;margin:.5em 0;"
    "padding:.25em .75em;background:#faf5f5}.lang{color:#888;font-size:.85em}"
    ".spark{vertical-align:middle}"
)


def _inline_markdown_to_html(markdown: str) -> str:
    """Minimal Markdown-to-HTML for the subset the brief renderer writes."""
    e = html.escape
    lines, out, i = markdown.splitlines(), [], 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip("|").split("|")]
                if not all(set(c) <= set("-:") for c in cells):
                    rows.append(cells)
                i += 1
            head, *body = rows
            out.append("<table><tr>" + "".join(f"<th>{e(c)}</th>" for c in head) + "</tr>")
            out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in body]
            out.append("</table>")
            continue
        if line.startswith("- "):
            out.append("<ul>")
            while i < len(lines) and lines[i].startswith("- "):
                out.append(f"<li>{e(lines[i][2:])}</li>")
                i += 1
            out.append("</ul>")
            continue
        if line.startswith(">"):
            text = line[1:].strip()
            if text:
                lang, _, rest = text.partition("] ")
                tag = f'<span class="lang">{e(lang.lstrip("["))}</span>'
                out.append(f"<blockquote>{tag} {e(rest)}</blockquote>")
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            out.append(f"<h{level}>{e(line[level:].strip())}</h{level}>")
        elif line.strip():
            out.append(f"<p>{e(line)}</p>")
        i += 1
    return "\n".join(out)


def brief_html(brief: Brief) -> str:
    """Render a :class:`journey.brief.Brief` as a standalone HTML page with SVG sparklines."""
    body = _inline_markdown_to_html(brief_markdown(brief))
    issues = ([brief.biggest] if brief.biggest else []) + list(brief.quick_wins)
    issues += [issue for section in brief.departments for issue in section.issues]
    for issue in issues:
        counts = [c for _, c in issue.weekly]
        spark = sparkline(counts)
        if spark:
            body = body.replace(html.escape(spark), _svg_sparkline(counts), 1)
    title = html.escape(f"{_TEXT[brief.lang][brief.kind]}: {brief.period.label}")
    return (
        f'<!DOCTYPE html>\n<html lang="{brief.lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_CSS}</style></head><body>\n{body}\n</body></html>\n"
    )
