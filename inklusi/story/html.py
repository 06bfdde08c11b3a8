"""The story as one self-contained HTML file: plotly.js inside, no request to any server."""

from __future__ import annotations

import html

import plotly.io as pio

from inklusi.story.base import Slide


def to_html(deck: list[Slide], lang: str, title: str) -> str:
    """The story as one self-contained HTML file: plotly.js inside, no request to any server,
    arrow keys or PageUp/PageDown move between slides, printing gives one slide per page."""
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
        text = "".join(f"<p>{html.escape(s)}</p>" for s in slide.sentences)
        sections.append(
            f'<section class="slide" id="slide-{i + 1}" aria-label="{html.escape(slide.title)}">'
            f'<h1>{html.escape(slide.title)}</h1>{text}<div class="chart">{chart}</div>'
            f"<footer>{i + 1} / {len(deck)} · {html.escape(title)}</footer></section>"
        )
    return HTML_PAGE.format(lang=lang, title=html.escape(title), sections="".join(sections))


HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
html {{ scroll-snap-type: y mandatory; }}
body {{ margin: 0; font-family: "Source Sans Pro", "Segoe UI", Arial, sans-serif; color: #111; background: #fff; }}
.slide {{ min-height: 100vh; box-sizing: border-box; padding: 3vh 4vw; scroll-snap-align: start; }}
h1 {{ font-size: 44px; margin: 0 0 12px; }}
p {{ font-size: 30px; line-height: 1.3; margin: 6px 0; }}
footer {{ font-size: 18px; color: #444; margin-top: 8px; }}
@media print {{ .slide {{ page-break-after: always; min-height: auto; }} }}
</style></head><body>{sections}
<script>
const slides = [...document.querySelectorAll('.slide')];
function current() {{ return slides.findIndex(s => s.getBoundingClientRect().top > -window.innerHeight / 2); }}
document.addEventListener('keydown', e => {{
  const step = ['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(e.key) ? 1
             : ['ArrowLeft', 'ArrowUp', 'PageUp'].includes(e.key) ? -1 : 0;
  if (!step) return;
  e.preventDefault();
  const next = Math.max(0, Math.min(slides.length - 1, current() + step));
  slides[next].scrollIntoView({{behavior: 'instant'}});
}});
</script></body></html>
"""
