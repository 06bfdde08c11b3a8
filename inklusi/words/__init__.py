"""What the pages' and slides' sentences share: a province table as printed (province_table), the
value words, ranking text and records' source line (narrative), the breaks of a series in words
(breaks) and short citations (citations)."""
