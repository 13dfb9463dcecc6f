// citation.js, as report writers' tools run it: parses each key point's three citation files (BibTeX, RIS,
// CSL-JSON) and renders an APA and a Harvard reference from each. Prints one JSON object: id -> format -> {apa,
// harvard, type, author, container}, or {error}. Usage: node tests/citation_js.mjs SITE_DIR
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";

const FILES = { bibtex: "citation.bib", ris: "citation.ris", csl: "citation.json" };
const site = process.argv[2];
const out = {};
for (const id of readdirSync(join(site, "p"))) {
  if (!existsSync(join(site, "p", id, FILES.csl))) continue; // a retired id's page has no citation files
  out[id] = {};
  for (const [format, name] of Object.entries(FILES)) {
    try {
      const cite = new Cite(readFileSync(join(site, "p", id, name), "utf8"));
      const [item] = cite.data;
      out[id][format] = {
        count: cite.data.length,
        type: item.type,
        author: item.author,
        container: item["container-title"],
        title: item.title,
        url: item.URL,
        issued: item.issued ?? null,
        apa: cite.format("bibliography", { format: "text", template: "apa", lang: "en-GB" }).trim(),
        harvard: cite.format("bibliography", { format: "text", template: "harvard1", lang: "en-GB" }).trim(),
      };
    } catch (error) {
      out[id][format] = { error: String(error) };
    }
  }
}
process.stdout.write(JSON.stringify(out));
