"""The interactive floor plan: one scene per hall, booth items, the view and its legend.

Scene coordinates are centimetres of the hall (1 scene unit = 1 cm, origin at the hall's
top-left corner, y downwards), the same integers the database stores, so positions go
to and from the services without rounding.
"""
