"""Reading files: the bytes of a source file (size, encoding, line and markup-cost limits), YAML with line
numbers and without aliases or dates, and a meeting file split into front matter, body and raw key points.

Turns files into raw records with line numbers; judges nothing about their meaning (that is check/). May import
errors only.
"""
