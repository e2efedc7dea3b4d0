// The small choice Témoin asks before scrolling a conversation: from the top of what the app
// has loaded, or back to a date. Drawn by the extension in a closed shadow root over the page
// (the page's scripts and styles cannot reach into it), in the extension's language, and
// removed before any screenshot. Enter captures, Escape cancels.
(() => {
  const g = /** @type {any} */ (globalThis);

  /**
   * @typedef {{ lang: string, title: string, hint: string, loaded: string, since: string, date: string,
   *   start: string, cancel: string, defaultSince: string, today: string }} ChoiceStrings
   */

  const STYLE = `
    :host { all: initial; }
    .back { position: fixed; inset: 0; background: rgba(0, 0, 0, .45); display: flex; align-items: center; justify-content: center; z-index: 2147483647; }
    form { font: 16px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fff; max-width: min(30rem, calc(100vw - 2rem)); padding: 1.25rem 1.5rem; border-radius: 8px; box-shadow: 0 8px 32px rgba(0, 0, 0, .35); }
    h2 { font-size: 1.2rem; margin: 0 0 .5rem; color: #1f3a5f; }
    p { margin: 0 0 1rem; }
    label { display: flex; gap: .5rem; align-items: baseline; margin: .5rem 0; cursor: pointer; }
    input[type=date] { font: inherit; margin-left: .25rem; }
    .buttons { display: flex; gap: .75rem; justify-content: flex-end; margin-top: 1.25rem; }
    button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid #1f3a5f; background: #fff; color: #1f3a5f; cursor: pointer; }
    button[type=submit] { background: #1f3a5f; color: #fff; }
    :focus-visible { outline: 3px solid #e3a21a; outline-offset: 2px; }
  `;

  /**
   * Shows the choice and resolves with it, or null when cancelled.
   * @param {ChoiceStrings} s
   * @returns {Promise<{ scope: 'loaded' } | { scope: 'since', since: string } | null>}
   */
  function choose(s) {
    return new Promise((resolve) => {
      const host = document.createElement('temoin-choice');
      const root = host.attachShadow({ mode: 'closed' });
      const el = (/** @type {string} */ tag, /** @type {Record<string, string>} */ attrs = {}, /** @type {(Node | string)[]} */ children = []) => {
        const e = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
        e.append(...children);
        return e;
      };
      const loaded = /** @type {HTMLInputElement} */ (el('input', { type: 'radio', name: 'scope', value: 'loaded', checked: '' }));
      const since = /** @type {HTMLInputElement} */ (el('input', { type: 'radio', name: 'scope', value: 'since' }));
      const date = /** @type {HTMLInputElement} */ (el('input', { type: 'date', value: s.defaultSince, max: s.today, 'aria-label': s.date }));
      date.addEventListener('input', () => (since.checked = true));
      const form = /** @type {HTMLFormElement} */ (el('form', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'temoin-title', lang: s.lang }, [
        el('h2', { id: 'temoin-title' }, [s.title]),
        el('p', {}, [s.hint]),
        el('label', {}, [loaded, s.loaded]),
        el('label', {}, [since, s.since, date]),
        el('div', { class: 'buttons' }, [el('button', { type: 'button', value: 'cancel' }, [s.cancel]), el('button', { type: 'submit' }, [s.start])]),
      ]));
      const style = el('style');
      style.textContent = STYLE;
      root.append(style, el('div', { class: 'back' }, [form]));
      /** @param {{ scope: 'loaded' } | { scope: 'since', since: string } | null} answer */
      const done = (answer) => {
        host.remove();
        // Once the page is painted without the choice: the screenshots that follow must not show it.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(answer)));
      };
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        if (since.checked && /^\d{4}-\d{2}-\d{2}$/.test(date.value)) done({ scope: 'since', since: date.value });
        else done({ scope: 'loaded' });
      });
      /** @type {HTMLButtonElement} */ (form.querySelector('button[value=cancel]')).addEventListener('click', () => done(null));
      form.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          done(null);
        } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
          e.preventDefault();
          form.requestSubmit();
        }
      });
      document.documentElement.append(host);
      loaded.focus();
    });
  }

  g.temoinConversation = { ...g.temoinConversation, choose };
})();
