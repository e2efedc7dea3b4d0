// The chat fixtures the conversation tests capture, in Chromium and in Firefox: where each is
// served, its pane and a message to right-click, and how the app names each author.
import { ME, TITLE, SUBJECT, handle } from '../fixtures/chat/conversation.mjs';

/**
 * `virtual`: the app's list is virtualised (messages far from view leave the page); the selector counts those in it.
 * @typedef {{ name: string, url: string, pane: string, click: string, me: string | undefined, author?: (name: string) => string,
 *   title: string, emails?: boolean, reader?: string, machine?: (m: import('../fixtures/chat/conversation.mjs').Message) => string, sabotaged?: boolean, virtual?: string }} App
 */

/** @type {App[]} */
export const APPS = [
  { name: 'whatsapp', url: 'https://web.whatsapp.com/', pane: '._ajyl', click: '[data-id] span.selectable-text', me: ME, title: TITLE, machine: (m) => `${m.time}, ${m.day.split('-').reverse().join('/')}` },
  { name: 'messenger', url: 'https://www.messenger.com/t/7012345678901234/', pane: '.x78zum5', click: '[role=gridcell] div[dir=auto]', me: 'Vous', title: TITLE },
  { name: 'messenger', url: 'https://www.facebook.com/messages/t/7012345678901234/', pane: '.x78zum5', click: '[role=gridcell] div[dir=auto]', me: 'Vous', title: TITLE },
  { name: 'instagram', url: 'https://www.instagram.com/direct/t/340282366841710300949128/', pane: '.x6ikm8r', click: '[role=gridcell] div[dir=auto]', me: undefined, author: handle, title: TITLE },
  { name: 'discord', url: 'https://discord.com/channels/111111111111111111/222222222222222222', pane: '.scroller_e2e187', click: '[id^=message-content-]', me: ME, title: 'harcèlement', virtual: 'li[id^=chat-messages-]', machine: (m) => `${m.day}T${m.time}:00.000Z` },
  { name: 'telegram', url: 'https://web.telegram.org/k/#-1001234567890', pane: '.bubbles .scrollable-y', click: '.bubble .message', me: undefined, title: TITLE, virtual: '.bubble[data-mid]', machine: (m) => String(Date.parse(`${m.day}T${m.time}:00Z`) / 1000) },
  { name: 'snapchat', url: 'https://www.snapchat.com/web/4f2a9c1e-0000-4000-8000-00000000c0de', pane: '.KgFP7', click: 'span.ogn1z[dir=auto]', me: 'Moi', title: TITLE },
  { name: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWhgTqZlnNcbKBgLmrVhQRtS', pane: '.Tm', click: '.a3s', me: ME, emails: true, title: SUBJECT },
  { name: 'outlook', url: 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcwLWE4NDYtMDAC', pane: '[aria-label="Volet de lecture"]', click: '[aria-label="Corps du message"]', me: ME, emails: true, title: SUBJECT },
  { name: 'generic', url: 'https://messagerie.ent.test/conversations/42', pane: '.thread', click: '.msg p', me: ME, title: TITLE, reader: 'generic', sabotaged: true },
];


/**
 * The author the app shows for a message: its own label for the open account's messages
 * (none in some apps), the app's form of the others' names.
 * @param {App} app @param {import('../fixtures/chat/conversation.mjs').Message} m
 */
export function expectedAuthor(app, m) {
  return m.author === ME ? app.me : app.author ? app.author(m.author) : m.author;
}
