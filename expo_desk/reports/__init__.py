"""PDF reports drawn with ReportLab from plain data (never from the database).

``fonts`` registers the bundled CJK font, ``base`` holds the page templates, header,
footer ("Page x of y") and styles every report shares; one module per report.
"""
