"""What the tests (tests/) and the benchmark (bench/) share: servers (a Streamlit process, the
`make serve` stack), Chromium and the checks of a page load, a websocket protocol client, the
overview's cards as they must read, and the crowd of visitors. Nothing here imports tests/."""
