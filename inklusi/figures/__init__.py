"""Pure figure builders: DataFrame and labels in, plotly Figure out. No Streamlit here."""
