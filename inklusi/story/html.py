"""The story as one self-contained HTML file: plotly.js and the QR code inside, no request to any
server. Arrow keys or PageUp/PageDown move between slides; N shows or hides the speaker notes
(printed only while shown); printing gives one slide per page."""

from __future__ import annotations

import html

import plotly.io as pio
import segno

from inklusi.i18n import t
from inklusi.story.slide import Slide


def to_html(deck: list[Slide], lang: str, title: str, link: str | None) -> str:
    """link: the presentation's address for the QR slide (the one the audience can reach); None
    when no phone can reach it: the slide then says so instead of showing a code."""
    sections = []
    for i, slide in enumerate(deck):
        chart = (
            pio.to_html(
                slide.figure,
                full_html=False,
                include_plotlyjs="inline" if i == 0 else False,
                config={"displaylogo": False, "responsive": True},
            )
            if slide.figure
            else ""
        )
        if slide.key == "qr" and link is None:
            chart = f'<p class="warning">{html.escape(t("present.qr_unreachable", lang))}</p>'
        elif slide.key == "qr":
            chart = (
                f'<div class="qr">{segno.make(link, error="m").svg_inline(scale=10, border=2)}'
                f"<code>{html.escape(link)}</code></div>"
            )
        text = "".join(f"<p>{html.escape(s)}</p>" for s in slide.sentences)
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in slide.notes)
        sections.append(
            f'<section class="slide" id="slide-{i + 1}" aria-label="{html.escape(slide.title)}">'
            f'<h1>{html.escape(slide.title)}</h1>{text}<div class="chart">{chart}</div>'
            f'<aside class="notes"><h2>{html.escape(t("notes.title", lang))}</h2><ul>{notes}</ul></aside>'
            f"<footer>{i + 1} / {len(deck)} · {html.escape(title)} · {html.escape(t('present.notes_key', lang))}"
            "</footer></section>"
        )
    return HTML_PAGE.format(lang=lang, title=html.escape(title), sections="".join(sections))


HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
html {{ scroll-snap-type: y mandatory; }}
body {{ margin: 0; font-family: "Source Sans Pro", "Segoe UI", Arial, sans-serif; color: #111; background: #fff; }}
.slide {{ min-height: 100vh; box-sizing: border-box; padding: 3vh 4vw; scroll-snap-align: start; }}
h1 {{ font-size: 40px; margin: 0 0 10px; }}
p {{ font-size: 28px; line-height: 1.3; margin: 6px 0; }}
.qr {{ text-align: center; }} .qr code {{ display: block; font-size: 22px; word-break: break-all; }}
.notes {{ display: none; font-size: 18px; background: #f3f6f8; padding: 8px 16px; margin-top: 10px; }}
body.show-notes .notes {{ display: block; }}
footer {{ font-size: 16px; color: #444; margin-top: 8px; }}
@media print {{ .slide {{ page-break-after: always; min-height: auto; }} }}
</style></head><body>{sections}
<script>
const slides = [...document.querySelectorAll('.slide')];
function current() {{ return slides.findIndex(s => s.getBoundingClientRect().top > -window.innerHeight / 2); }}
document.addEventListener('keydown', e => {{
  if (e.key === 'n' || e.key === 'N') {{ document.body.classList.toggle('show-notes'); return; }}
  const step = ['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(e.key) ? 1
             : ['ArrowLeft', 'ArrowUp', 'PageUp'].includes(e.key) ? -1 : 0;
  if (!step) return;
  e.preventDefault();
  const next = Math.max(0, Math.min(slides.length - 1, current() + step));
  slides[next].scrollIntoView({{behavior: 'instant'}});
}});
</script></body></html>
"""
