"""The Gantt chart of the build schedule: milestones, main events and detailed tasks.

Scene coordinates: x is in days from the chart's first day (1 scene unit = 1 day, the
view scales x only, so zoom is a transform and costs nothing per item), y is in pixels
(one row = ``ROW_HEIGHT`` px). Items draw bars, labels and arrows in device pixels, so
they stay crisp and the same size at every zoom.

Only the rows of expanded parents are made into items (``rows.RowTree``): a show of
750,000 tasks opens with its milestones and events, and an event's tasks are made when
the event is expanded.
"""
