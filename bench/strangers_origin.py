#!/usr/bin/env python3
"""A loopback stand-in for arXiv in the strangers benchmark: every path ending in .pdf is
answered with the same real PDF (a PDF source "http://127.0.0.1:PORT/{id}v{version}.pdf"), and
the export API (/api/query) with an Atom feed of no entries (arXiv has no such paper).
  strangers_origin.py PDF_FILE PORT_FILE   (writes the port it listens on to PORT_FILE)"""
import http.server
import sys

PDF = open(sys.argv[1], "rb").read()
EMPTY_FEED = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
              b'<feed xmlns="http://www.w3.org/2005/Atom" '
              b'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
              b'<title>ArXiv Query</title><opensearch:totalResults>0</opensearch:totalResults>'
              b'</feed>\n')


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path.split("?")[0].endswith(".pdf"):
            body, kind = PDF, "application/pdf"
        else:
            body, kind = EMPTY_FEED, "application/atom+xml"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[2], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
