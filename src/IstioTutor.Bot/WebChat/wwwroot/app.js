// IstioTutor web chat: posts each message (or a card button's action) to /api/chat and renders the
// turn result. Identity is an HttpOnly cookie the server issues, so nothing here stores who you are.
// Every piece of server text goes through textContent, never innerHTML.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const send = document.getElementById("send");
  const stage = document.getElementById("stage");

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Inline markup the tutor uses: `code` and **bold**.
  function inline(parent, text) {
    const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*)/);
    for (const part of parts) {
      if (part.startsWith("`") && part.endsWith("`") && part.length > 1) parent.appendChild(el("code", null, part.slice(1, -1)));
      else if (part.startsWith("**") && part.endsWith("**") && part.length > 3) parent.appendChild(el("strong", null, part.slice(2, -2)));
      else if (part) parent.appendChild(document.createTextNode(part));
    }
  }

  // Paragraphs, headings and fenced code blocks.
  function markdown(text) {
    const box = el("div", "body");
    const lines = (text || "").split("\n");
    let code = null;
    let para = [];
    const flush = () => {
      if (para.length) { const p = el("p"); inline(p, para.join("\n")); p.style.whiteSpace = "pre-wrap"; box.appendChild(p); para = []; }
    };
    for (const line of lines) {
      if (line.trimStart().startsWith("```")) {
        if (code === null) { flush(); code = []; }
        else { const pre = el("pre"); pre.appendChild(el("code", null, code.join("\n"))); box.appendChild(pre); code = null; }
        continue;
      }
      if (code !== null) { code.push(line); continue; }
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) { flush(); box.appendChild(el("h4", null, heading[1])); continue; }
      if (line.trim() === "") { flush(); continue; }
      para.push(line);
    }
    if (code !== null) { const pre = el("pre"); pre.appendChild(el("code", null, code.join("\n"))); box.appendChild(pre); }
    flush();
    return box;
  }

  function codeBlock(text) { const pre = el("pre"); pre.appendChild(el("code", null, text)); return pre; }

  // A unified diff with additions, removals and hunk headers told apart by colour (and by their +/- sign).
  function diffBlock(text) {
    const pre = el("pre", "diff");
    const code = el("code");
    for (const line of text.replace(/\n$/, "").split("\n")) {
      const kind = /^(\+\+\+|---)/.test(line) ? "file" : line.startsWith("@@") ? "hunk"
        : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : null;
      code.appendChild(el("span", kind ? "line " + kind : "line", line + "\n"));
    }
    pre.appendChild(code);
    return pre;
  }

  // A lab check as a verdict, its findings (each with a hint when it failed) and how it was verified.
  function renderCheck(check, ko) {
    const box = el("section", "check-result " + (check.passed ? "passed" : "failed"));
    box.appendChild(el("p", "check " + (check.passed ? "passed" : "failed"),
      (check.passed ? "✔ " : "✘ ") + check.lab + " — " + (check.passed ? (ko ? "통과" : "passed") : (ko ? "아직 통과하지 못함" : "not passed yet"))));
    const list = el("ul", "findings");
    for (const f of check.findings || []) {
      const item = el("li", f.ok ? "ok" : "bad");
      item.appendChild(el("span", "mark", f.ok ? "✔" : "✘"));
      const body = el("div");
      body.appendChild(el("div", null, f.message));
      if (!f.ok && f.hint) body.appendChild(el("div", "finding-hint", (ko ? "힌트: " : "Hint: ") + f.hint));
      item.appendChild(body);
      list.appendChild(item);
    }
    box.appendChild(list);
    if (check.method) box.appendChild(el("p", "method", (ko ? "확인 방법: " : "How this was checked: ") + check.method));
    return box;
  }

  function renderCard(card) {
    const box = el("section", "card");
    box.dataset.kind = card.kind;
    box.appendChild(el("h3", null, card.title));
    for (const section of card.sections || []) {
      if (section.heading) box.appendChild(el("h4", null, section.heading));
      if (section.text) box.appendChild(el("div", "text", section.text));
      if (section.code) box.appendChild(section.codeLanguage === "diff" ? diffBlock(section.code) : codeBlock(section.code));
    }
    if ((card.buttons || []).length) {
      const row = el("div", "buttons");
      for (const button of card.buttons) {
        const b = el("button", button.primary ? "primary" : null, button.label);
        b.type = "button";
        b.dataset.verb = button.action.verb;
        b.addEventListener("click", () => {
          row.querySelectorAll("button").forEach(x => { x.disabled = true; });
          turn({ action: { verb: button.action.verb, argument: button.action.argument } }, button.label);
        });
        row.appendChild(b);
      }
      box.appendChild(row);
    }
    return box;
  }

  function renderResult(result) {
    const msg = el("article", "msg tutor");
    msg.lang = result.lang || "en";
    const ko = result.lang === "ko";
    const cards = result.cards || [];
    const lines = (result.text || "").trim().split("\n");
    // The tools' preview text repeats its card (diff, analysis); show its first line, the card, then its last line.
    const previewText = result.pendingAction && lines.length > 2 && result.text.includes("```diff")
      && cards.some(c => (c.buttons || []).some(b => b.action.argument === result.pendingAction.id));
    if (result.check) {
      // The check's own text lists the same findings; the structured view replaces it and the lab-check card.
      msg.appendChild(renderCheck(result.check, ko));
    } else {
      msg.appendChild(markdown(previewText ? lines[0] : result.text));
    }
    for (const card of cards) {
      if (result.check && card.kind === "lab-check") continue;
      msg.appendChild(renderCard(card));
    }
    if (previewText) msg.appendChild(el("p", "note", lines[lines.length - 1]));
    if ((result.citations || []).length) {
      const box = el("div", "citations");
      box.appendChild(el("strong", null, result.lang === "ko" ? "출처" : "Sources"));
      const list = el("ol");
      for (const c of result.citations) {
        const item = el("li", "citation", c.title + " § " + c.section + " (" + c.stage + ", " + c.lang + ")");
        item.dataset.lesson = c.lessonId;
        list.appendChild(item);
      }
      box.appendChild(list);
      msg.appendChild(box);
    }
    if (result.stage) stage.textContent = "stage: " + result.stage;
    log.appendChild(msg);
    msg.scrollIntoView({ block: "end" });
  }

  async function turn(body, shown) {
    if (shown) log.appendChild(el("div", "msg you", shown));
    send.disabled = true;
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(body),
      });
      const data = await response.json();
      if (!response.ok) {
        log.appendChild(el("div", "msg error", data.detail || ("The server answered " + response.status + ".")));
        return;
      }
      renderResult(data);
    } catch (e) {
      log.appendChild(el("div", "msg error", "Could not reach the tutor (" + e.message + "). Is `istiotutor serve` still running?"));
    } finally {
      send.disabled = false;
      input.focus();
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    turn({ text: text }, text);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  // A greeting turn on load shows the learner's stage and how to start.
  turn({ text: "" });
})();
