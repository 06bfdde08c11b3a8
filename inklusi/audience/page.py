"""One light audience page: a slide's title, sentences, chart (inline SVG for a phone), its text
alternative and data table, source line, marks, the data's edition, a language switch and one tap
to the live view. Plain HTML with inline style: no script but the one that shows a fallback's
notice, no font, no request to anything (the page is whole in one file)."""

from __future__ import annotations

import json
import re
from html import escape

from inklusi.audience import SERVE_URL, filename, svg, table
from inklusi.figures.common import UNRELIABLE_MARK
from inklusi.i18n import DEFAULT, LANGS, t
from inklusi.site import links, registry
from inklusi.story.slide import Slide

SERVE_FIRST = f"{SERVE_URL}/{DEFAULT}/1.html"  # where the fallback page sends a visitor without scripts
NOTICE_KEY = "inklusi-not-understood"  # sessionStorage: the fallback page's notice for the page it opens
NO_ICON = '<link rel="icon" href="data:,">'  # else a browser asks for /favicon.ico, which nginx passes to a replica
BOLD = re.compile(r"\*\*(.+?)\*\*")  # the sentences' Markdown bold

STYLE = """body{margin:0;font:16px/1.45 system-ui,sans-serif;color:#111;background:#fff}
main,header{max-width:760px;margin:0 auto;padding:0 15px}
header{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center;padding-top:10px;font-size:15px}
a{color:#0645ad}h1{font-size:24px;line-height:1.2;margin:10px 0 8px}
p{margin:0 0 10px}figure{margin:14px 0}figcaption{font-size:15px;margin-bottom:4px}
.live{display:block;margin:14px 0;padding:12px;border-radius:6px;background:#0b5394;color:#fff;
text-align:center;font-weight:600;text-decoration:none}.live small{color:#fff;font-weight:400}
.mark{background:#fff3cd;border-left:4px solid #8a6d00;padding:6px 10px}
.notice{background:#fde2e1;border-left:4px solid #a40000;padding:6px 10px}
small,.source,footer{font-size:14px;color:#444}table{border-collapse:collapse;font-size:14px;width:100%}
caption{text-align:left;font-weight:600;padding:4px 0}th,td{border-bottom:1px solid #ddd;padding:3px 6px;
text-align:left}td:not(:first-child),th:not(:first-child){text-align:right}footer{margin:18px 0 24px}
figure svg{display:block;max-width:560px}nav a,nav span{white-space:nowrap}
.keys small>span{white-space:nowrap;margin-right:10px}"""

SHOW_NOTICE = (
    "<script>const n=sessionStorage.getItem('"
    + NOTICE_KEY
    + "');if(n){sessionStorage.removeItem('"
    + NOTICE_KEY
    + "');const p=document.getElementById('notice');p.textContent=n;p.hidden=false}</script>"
)


def live_link(lang: str, number: int, pin: str) -> str:
    """The slide in the dashboard's presenter, root-relative: the same under make run and make serve."""
    return links.build("", registry.page("present"), {"lang": lang, "slide": number, "pin": pin})


def drawing(slide: Slide, lang: str) -> str:
    """The slide's chart as inline SVG for a phone's width (also the speaker view's miniature)."""
    chart = slide.chart
    return svg.DRAW[chart.kind](chart.frame, chart.options, lang, chart.labels.title, slide.alt) if chart else ""


def _chart(slide: Slide, lang: str) -> str:
    chart = slide.chart
    if chart is None:
        return ""
    picture = drawing(slide, lang)
    header, body = table.rows(chart, lang)
    unreliable = any(UNRELIABLE_MARK.strip() in cell for row in body for cell in row)
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    cells = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>' + "".join(f"<td>{escape(c)}</td>" for c in row[1:]) + "</tr>"
        for row in body
    )
    keys = "".join(
        f'<span><span style="color:{colour}" aria-hidden="true">{symbol}</span> {escape(label)}</span> '
        for colour, symbol, label in svg.legend(chart.kind, chart.frame, chart.options, lang)
    )
    return (
        f"<figure><figcaption><strong>{escape(chart.labels.title)}</strong><br>"
        f"<small>{escape(chart.labels.subtitle)}</small></figcaption>{picture}"
        + (f'<p class="keys"><small>{keys}</small></p>' if keys else "")
        + (f"<p><small>{escape(t('reliability.legend', lang))}</small></p>" if unreliable else "")
        + f'<p class="source">{escape(chart.labels.source)}</p></figure>'
        f"<details><summary>{escape(t('audience.table', lang))}</summary><table><caption>"
        f"{escape(chart.labels.title)}</caption><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table></details>"
    )


def said(sentence: str) -> str:
    """A slide's sentence as HTML: escaped, its Markdown bold (**closing**) kept bold."""
    return BOLD.sub(r"<strong>\1</strong>", escape(sentence))


def _text(slide: Slide, lang: str, pin: str) -> str:
    if slide.key == "qr":  # the room's way in: the visitor is in already, the story starts at slide 1
        first = f'<p><a href="{filename(1, pin)}">{escape(t("audience.first_slide", lang))}</a></p>'
        return '<div class="said">' + "".join(f"<p>{said(s)}</p>" for s in slide.sentences) + f"</div>{first}"
    if slide.key == "sources":
        return '<ul class="said">' + "".join(f"<li>{said(s)}</li>" for s in slide.sentences) + "</ul>"
    return '<div class="said">' + "".join(f"<p>{said(s)}</p>" for s in slide.sentences) + "</div>"


def page(slide: Slide, number: int, count: int, lang: str, pin: str, *, edition: str, synthetic: bool) -> str:
    """The whole page. synthetic: the slide draws on the synthetic mentoring records."""
    other = next(code for code in LANGS if code != lang)
    nav = [
        f'<a href="../{other}/{filename(number, pin)}" hreflang="{other}" lang="{other}">'
        f"{escape(t('audience.switch', lang))}</a>",
        f'<a href="{filename((number - 2) % count + 1, pin)}">← {escape(t("present.prev", lang))}</a>',
        f"<span>{escape(t('present.slide', lang, i=number, n=count))}</span>",
        f'<a href="{filename(number % count + 1, pin)}">{escape(t("present.next", lang))} →</a>',
    ]
    mark = f'<p class="mark">{escape(t("audience.synthetic", lang))}</p>' if synthetic else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(slide.title)} · Inklusi</title>{NO_ICON}<style>{STYLE}</style></head><body>"
        f'<header><nav aria-label="{escape(t("audience.nav", lang))}">{" · ".join(nav)}</nav></header>'
        f'<main><p class="notice" id="notice" role="status" hidden></p><h1>{escape(slide.title)}</h1>{mark}'
        f"{_text(slide, lang, pin)}{_chart(slide, lang)}"
        f'<a class="live" href="{escape(live_link(lang, number, pin))}">{escape(t("audience.live", lang))} '
        f"<small>{escape(t('audience.live_note', lang))}</small></a>"
        f"<footer>{escape(edition)}</footer></main>{SHOW_NOTICE}</body></html>"
    )


def unknown(count: int, provinces: list[str]) -> str:
    """What nginx answers (status 404) for an audience link it has no page for: a script that
    finds which part of the link it did not understand (language, slide number, province), opens
    the page the app would fall back to (the default language, the first slide, no province) and
    leaves the notice, in both languages, for that page to show."""
    words = {lang: {part: t(f"audience.part_{part}", lang) for part in ("lang", "slide", "province")} for lang in LANGS}
    template = {lang: t("audience.not_understood", lang, parts="{parts}") for lang in LANGS}
    script = (
        f"const L={json.dumps(list(LANGS))},N={count},P={json.dumps(provinces)},W={json.dumps(words)},"
        f"T={json.dumps(template)};"
        "const p=location.pathname,i=p.indexOf('/audience/')+10,base=p.slice(0,i),parts=p.slice(i).split('/');"
        "let lang=parts.length>1?parts[0]:'',file=parts[parts.length-1].replace(/[.]html$/,'');"
        "let [s,pin]=file.split(/-(.*)/);const bad=[];"
        f"if(!L.includes(lang)){{bad.push('lang');lang='{DEFAULT}'}}"
        "if(!/^[0-9]+$/.test(s)||+s<1||+s>N){bad.push('slide');s='1'}"
        "if(pin!==undefined&&!P.includes(pin)){bad.push('province');pin=''}"
        "sessionStorage.setItem('" + NOTICE_KEY + "',L.map(x=>T[x].replace('{parts}',bad.map(b=>W[x][b]).join(', ')))"
        ".join(' / '));location.replace(base+lang+'/'+s+(pin?'-'+pin:'')+'.html');"
    )
    title = " / ".join(t("audience.unknown_title", lang) for lang in LANGS)
    choices = " / ".join(
        f'<a href="{SERVE_FIRST}" lang="{lang}">{escape(t("audience.first_slide", lang))}</a>' for lang in LANGS
    )
    return (
        f'<!DOCTYPE html><html lang="{DEFAULT}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>{NO_ICON}<style>{STYLE}</style></head><body><main><h1>{escape(title)}</h1>"
        f"<p>{choices}</p></main><script>{script}</script></body></html>"
    )
