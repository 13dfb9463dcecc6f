// metascraper, as link-preview services run it, on pages of a built site: prints JSON path -> {url, title,
// description, publisher, image}. Usage: node tests/link_preview.mjs SITE_DIR SITE_URL PATH...
import { readFileSync } from "node:fs";
import { join } from "node:path";
import metascraper from "metascraper";
import description from "metascraper-description";
import image from "metascraper-image";
import publisher from "metascraper-publisher";
import title from "metascraper-title";
import url from "metascraper-url";

const [site, base, ...paths] = process.argv.slice(2);
const scrape = metascraper([url(), title(), description(), publisher(), image()]);
const out = {};
for (const path of paths) {
  const html = readFileSync(join(site, path, "index.html"), "utf8");
  out[path] = await scrape({ html, url: new URL(path, base).href });
}
process.stdout.write(JSON.stringify(out));
