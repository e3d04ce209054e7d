// Progressive enhancement for <input data-picklist="TYPE">: suggestions from the JobTech taxonomy as you type,
// in a <datalist>. Without this script the field is plain text and the server resolves the label typed.
(() => {
  for (const input of document.querySelectorAll("input[data-picklist]")) {
    const list = document.createElement("datalist");
    list.id = `${input.id}_picklist`;
    input.after(list);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    let timer;
    let asked = "";
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const text = input.value.trim();
        if (text.length < 2 || text === asked) return;
        asked = text;
        const url = `/taxonomy/search?type=${encodeURIComponent(input.dataset.picklist)}&q=${encodeURIComponent(text)}`;
        try {
          const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
          if (!response.ok || input.value.trim() !== text) return;
          const hits = await response.json();
          list.replaceChildren(...hits.map((hit) => Object.assign(document.createElement("option"), { value: hit.label })));
        } catch {
          // Offline or signed out: the field still takes the label as typed.
        }
      }, 200);
    });
  }
})();
