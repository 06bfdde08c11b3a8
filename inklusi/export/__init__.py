"""Taking a view away: the exported view and its rows (view), the data file in every format with
its sidecar (files), the one description of a view every format writes (metadata), the data
package (datapackage) and the Stata file (stata), writing files whole or not at all
(safe_write), and text a spreadsheet would run written inert (formulas)."""
