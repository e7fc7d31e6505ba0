// jazu's page: convert as you type, mark uncertain words, let the editor pick a reading.
// Picks are kept in this browser (localStorage) and sent with every request as a user lexicon
// (word<TAB>reading lines), so the server reads the next text with them.
"use strict";

const $ = (id) => document.getElementById(id);
const PICKS_KEY = "jazu.picks";
let picks = JSON.parse(localStorage.getItem(PICKS_KEY) || "{}"); // source word -> reading
let words = []; // the last explain result's words
// The last converted text, as an array of code points: the server's offsets count code points,
// where a JavaScript string counts UTF-16 units (an emoji is two).
let converted = [];
let timer = null;
let asked = 0; // the number of the last request: an older answer arriving later is dropped

function lexiconText() {
  return Object.values(picks).map((reading) => `word\t${reading}`).join("\n");
}

function savePicks() {
  localStorage.setItem(PICKS_KEY, JSON.stringify(picks));
  $("pick-count").textContent = String(Object.keys(picks).length);
}

function options() {
  return { source: $("source").value, target: $("target").value, profile: $("profile").value };
}

async function convert() {
  const text = $("input").value;
  if (!text.trim()) { asked++; $("output").textContent = ""; return; }
  $("status").textContent = "Converting…";
  const body = { text, ...options() };
  const lexicon = lexiconText();
  if (lexicon) body.lexicon = lexicon;
  const number = ++asked;
  const response = await fetch("/v1/explain", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  });
  const result = await response.json();
  if (number !== asked) return; // a newer request was sent meanwhile
  if (!response.ok) { $("status").textContent = `Error: ${result.error}`; return; }
  converted = Array.from(result.text);
  words = result.words;
  render();
  const unsure = words.filter((w) => w.uncertain).length;
  $("status").textContent = unsure ? `${unsure} uncertain word${unsure > 1 ? "s" : ""}: choose a reading.` : "Done.";
}

function render() {
  const out = $("output");
  out.textContent = "";
  out.dir = $("target").value === "arab" ? "rtl" : "ltr";
  out.lang = { arab: "kk-Arab", cyrl: "kk-Cyrl", latn: "kk-Latn" }[$("target").value];
  let at = 0;
  words.forEach((word, index) => {
    if (word.out_start > at) out.append(converted.slice(at, word.out_start).join(""));
    const text = converted.slice(word.out_start, word.out_end).join("");
    if (word.uncertain || picks[word.source] !== undefined) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = picks[word.source] !== undefined ? "uncertain picked" : "uncertain";
      button.textContent = text;
      button.dataset.index = String(index);
      button.setAttribute("aria-label", `${text}: uncertain, choose a reading`);
      button.addEventListener("click", () => showChoices(index, button));
      out.append(button);
    } else {
      out.append(text);
    }
    at = word.out_end;
  });
  if (at < converted.length) out.append(converted.slice(at).join(""));
}

function showChoices(index, opener) {
  const word = words[index];
  $("choices-title").textContent = `${word.source} → ${word.output} (${word.from})`;
  const list = $("choices-list");
  list.textContent = "";
  const options = [{ reading: word.reading, from: word.from }, ...word.alternatives];
  for (const option of options) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "choice";
    button.textContent = option.reading;
    const origin = document.createElement("small");
    origin.textContent = option.from;
    button.append(origin);
    button.addEventListener("click", () => pick(index, option.reading, opener));
    item.append(button);
    list.append(item);
  }
  $("choices").hidden = false;
  list.querySelector("button").focus();
}

function pick(index, reading, opener) {
  const word = words[index];
  picks[word.source] = reading;
  savePicks();
  // At once: the word's output is the reading (with the first letter's case the text gave it).
  const shown = word.output;
  const keepCapital = shown && shown[0] !== shown[0].toLowerCase();
  const text = keepCapital ? reading[0].toUpperCase() + reading.slice(1) : reading;
  const prefix = shown.match(/^[^\p{L}\p{M}]*/u)[0];
  const suffix = shown.match(/[^\p{L}\p{M}]*$/u)[0];
  const replaced = Array.from(prefix + text + suffix);
  const delta = replaced.length - (word.out_end - word.out_start);
  converted = [...converted.slice(0, word.out_start), ...replaced, ...converted.slice(word.out_end)];
  word.output = replaced.join("");
  word.out_end += delta;
  words.slice(index + 1).forEach((w) => { w.out_start += delta; w.out_end += delta; });
  closeChoices();
  render();
  const again = $("output").querySelector(`button[data-index="${index}"]`);
  (again || opener).focus();
}

function closeChoices() { $("choices").hidden = true; }

function downloadLexicon() {
  const blob = new Blob([lexiconText() + "\n"], { type: "text/tab-separated-values" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "jazu-lexicon.tsv";
  document.body.append(link);
  link.click();
  link.remove();
}

async function loadLexicon(event) {
  const file = event.target.files[0];
  if (!file) return;
  for (const line of (await file.text()).split("\n")) {
    const [kind, reading] = line.split("\t");
    if (kind === "word" && reading) picks[reading] = reading;
  }
  savePicks();
  convert();
}

async function convertDocument() {
  const file = $("document").files[0];
  if (!file) { $("status").textContent = "Choose a document first."; return; }
  const form = new FormData();
  form.append("file", file);
  for (const [key, value] of Object.entries(options())) form.append(key, value);
  $("status").textContent = "Converting the document…";
  const response = await fetch("/v1/convert-file", { method: "POST", body: form });
  if (!response.ok) { $("status").textContent = `Error: ${(await response.json()).error}`; return; }
  const disposition = response.headers.get("content-disposition") || "";
  const utf8 = disposition.match(/filename\*=UTF-8''([^;]+)/);
  const plain = disposition.match(/filename="([^"]+)"/);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = utf8 ? decodeURIComponent(utf8[1]) : plain ? plain[1] : "converted";
  document.body.append(link);
  link.click();
  link.remove();
  $("status").textContent = "Document converted.";
}

$("input").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(convert, 400); });
for (const id of ["source", "target", "profile"]) $(id).addEventListener("change", convert);
$("convert").addEventListener("click", convert);
$("choices-close").addEventListener("click", closeChoices);
document.addEventListener("keydown", (event) => { if (event.key === "Escape") closeChoices(); });
$("download-lexicon").addEventListener("click", downloadLexicon);
$("load-lexicon").addEventListener("change", loadLexicon);
$("clear-lexicon").addEventListener("click", () => { picks = {}; savePicks(); convert(); });
$("convert-document").addEventListener("click", convertDocument);
savePicks();
