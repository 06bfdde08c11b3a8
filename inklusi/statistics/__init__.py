"""Statistics on query results, with no words and no Streamlit: inequality between provinces
(spread, Gini, Theil and its split, beta convergence, spatial clusters) and the metrics of
the mentoring records and the values (rates with intervals, the layout and national level of
a result)."""
