/** The page's look: close enough to Slack's that what the app sends reads as it will in Slack. */
export const PAGE_STYLE = `
:root {
  --aubergine: #3f0e40; --aubergine-dark: #350d36; --sidebar-text: #cfc3cf; --text: #1d1c1d;
  --muted: #616061; --border: #dddddd; --primary: #007a5a; --danger: #e01e5a; --link: #1264a3;
  --mention-bg: #e8f5fa; --mention: #1264a3; --hover: #f8f8f8;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.46668; color: var(--text);
}
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; overflow: hidden; }
[hidden] { display: none !important; }
.app { display: grid; height: 100vh; grid-template-rows: 40px 1fr; grid-template-columns: 240px 1fr; }
.app.with-thread { grid-template-columns: 240px 1fr 420px; }
.topbar { grid-column: 1 / -1; display: flex; align-items: center; gap: 12px; padding: 0 16px;
  background: var(--aubergine-dark); color: #fff; font-size: 13px; }
.sandbox-badge { background: #ecb22e; color: #1d1c1d; font-weight: 700; border-radius: 4px; padding: 2px 8px; }
.topbar-note { color: var(--sidebar-text); }
.switcher { margin-left: auto; display: flex; gap: 8px; align-items: center; }
.switcher select { font: inherit; padding: 2px 6px; border-radius: 4px; }
.sidebar { background: var(--aubergine); color: var(--sidebar-text); padding: 12px 0; overflow-y: auto; }
.workspace-name { color: #fff; font-weight: 900; font-size: 18px; padding: 0 16px 12px;
  border-bottom: 1px solid #5d2c5d; }
.sidebar-heading { font-size: 14px; font-weight: 400; margin: 16px 16px 4px; color: var(--sidebar-text); }
.channel-list { list-style: none; margin: 0; padding: 0; }
.channel-list button, .sidebar-item { display: block; width: 100%; text-align: left; background: none;
  border: 0; color: inherit; font: inherit; padding: 4px 16px 4px 26px; cursor: pointer; }
.file-card { display: flex; align-items: center; gap: 10px; margin-top: 6px; padding: 8px 10px; max-width: 420px;
  border: 1px solid #ddd; border-radius: 8px; background: #fff; }
.file-icon { flex: none; width: 36px; height: 36px; border-radius: 6px; background: #2a80b9; color: #fff;
  font-size: 11px; font-weight: 700; display: grid; place-items: center; }
.file-meta { display: flex; flex-direction: column; min-width: 0; flex: 1; }
.file-name { font-weight: 700; color: #1264a3; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.file-detail { font-size: 12px; color: #616061; }
.home-tab { flex: 1; overflow-y: auto; padding: 16px 20px; }
.channel-list button[aria-current="true"] { background: #1164a3; color: #fff; font-weight: 700; }
.channel-list button:hover:not([aria-current="true"]) { background: var(--aubergine-dark); }
.api-errors { margin: 16px; padding: 8px; background: #5a1a1a; border-radius: 6px; color: #ffd8d8; }
.api-errors .sidebar-heading { margin: 0 0 4px; color: #fff; font-weight: 700; }
.api-errors ul { margin: 0; padding-left: 16px; font-size: 12px; word-break: break-word; }
.channel { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
.channel-header { display: flex; align-items: baseline; gap: 12px; padding: 10px 20px;
  border-bottom: 1px solid var(--border); }
.channel-header h1 { font-size: 18px; margin: 0; font-weight: 900; }
.channel-header p { margin: 0; color: var(--muted); font-size: 13px; }
.messages { flex: 1; overflow-y: auto; padding: 8px 0; }
.empty-channel { color: var(--muted); padding: 16px 20px; }
.message { display: grid; grid-template-columns: 36px 1fr; gap: 8px; padding: 8px 20px; }
.message:hover { background: var(--hover); }
.message.ephemeral { background: #f4ede4; }
.avatar { width: 36px; height: 36px; border-radius: 6px; color: #fff; font-weight: 700; display: flex;
  align-items: center; justify-content: center; font-size: 14px; }
.message-body { min-width: 0; }
.message-header { display: flex; align-items: baseline; gap: 6px; }
.author { font-weight: 900; }
.badge { background: #e8e8e8; color: var(--muted); font-size: 10px; font-weight: 700; padding: 1px 4px;
  border-radius: 3px; text-transform: uppercase; }
time, .edited, .only-you { color: var(--muted); font-size: 12px; }
.replies { margin-top: 4px; background: none; border: 1px solid transparent; border-radius: 6px;
  color: var(--link); font: inherit; font-size: 13px; font-weight: 700; padding: 2px 6px; cursor: pointer; }
.replies:hover { border-color: var(--border); background: #fff; }
.repliers { color: var(--muted); font-weight: 400; }
.composer { display: flex; gap: 8px; margin: 0 20px; padding: 8px; border: 1px solid #bbb; border-radius: 8px; }
.composer input { flex: 1; border: 0; font: inherit; outline: none; }
.composer-send { background: var(--primary); color: #fff; border: 0; border-radius: 4px; padding: 4px 12px;
  font: inherit; font-weight: 700; cursor: pointer; }
.composer-hint { margin: 4px 20px 10px; color: var(--muted); font-size: 12px; min-height: 18px; }
.thread { border-left: 1px solid var(--border); display: flex; flex-direction: column; min-height: 0; }
.thread-header { display: flex; align-items: baseline; gap: 8px; padding: 10px 16px; border-bottom: 1px solid var(--border); }
.thread-header h2 { font-size: 18px; margin: 0; font-weight: 900; }
.thread-channel { color: var(--muted); font-size: 13px; }
.thread-header .modal-icon { margin-left: auto; }
.thread-body { flex: 1; overflow-y: auto; padding-bottom: 8px; }
.thread-body .message { padding: 8px 16px; }
.thread-count { display: flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; padding: 4px 16px; }
.thread-count::after { content: ""; flex: 1; border-top: 1px solid var(--border); }
.thread .composer { margin: 8px 16px 16px; }
/* Block Kit */
.bk-header { font-size: 18px; font-weight: 900; margin: 4px 0; }
.bk-section { display: flex; gap: 12px; margin: 4px 0; }
.bk-section-main { flex: 1; min-width: 0; }
.bk-text { overflow-wrap: anywhere; }
.bk-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 4px; }
.bk-context { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; color: var(--muted);
  font-size: 12px; margin: 4px 0; }
.bk-context-image { width: 16px; height: 16px; border-radius: 3px; }
.bk-divider { border: 0; border-top: 1px solid var(--border); margin: 8px 0; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.bk-button { display: inline-block; background: #fff; border: 1px solid #bbb; border-radius: 4px;
  padding: 4px 12px; font: inherit; font-size: 14px; font-weight: 700; color: var(--text); cursor: pointer;
  text-decoration: none; }
.bk-button:hover { background: var(--hover); }
.bk-button.bk-primary { background: var(--primary); border-color: var(--primary); color: #fff; }
.bk-button.bk-danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.bk-button:disabled { opacity: 0.6; cursor: progress; }
.bk-image img { max-width: 360px; border-radius: 6px; }
.bk-unsupported { border: 1px dashed #c00; color: #c00; font-size: 12px; padding: 4px 8px; border-radius: 4px; }
.mention { background: var(--mention-bg); color: var(--mention); border-radius: 3px; padding: 0 2px; }
code { font-family: Monaco, Menlo, Consolas, monospace; font-size: 12px; color: #c01343;
  background: #f6f6f6; border: 1px solid #e3e3e3; border-radius: 3px; padding: 1px 3px; }
pre { font-family: Monaco, Menlo, Consolas, monospace; font-size: 12px; background: #f8f8f8;
  border: 1px solid #e3e3e3; border-radius: 4px; padding: 8px; white-space: pre-wrap; margin: 4px 0; }
blockquote { margin: 4px 0; padding-left: 12px; border-left: 4px solid #ddd; }
a { color: var(--link); }
/* Modal */
.modal-backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.45); display: flex;
  align-items: center; justify-content: center; z-index: 10; }
.modal { background: #fff; width: 560px; max-width: calc(100vw - 32px); max-height: calc(100vh - 64px);
  border-radius: 8px; display: flex; flex-direction: column; box-shadow: 0 18px 48px rgba(0, 0, 0, 0.35); }
.modal-header { display: flex; align-items: center; gap: 8px; padding: 16px 24px; border-bottom: 1px solid var(--border); }
.modal-header h2 { font-size: 22px; font-weight: 900; margin: 0; flex: 1; }
.modal-icon { background: none; border: 0; font-size: 18px; cursor: pointer; color: var(--muted);
  border-radius: 4px; padding: 2px 6px; }
.modal-icon:hover { background: var(--hover); }
.modal-body { padding: 12px 24px; overflow-y: auto; }
.modal-footer { display: flex; align-items: center; justify-content: flex-end; gap: 8px; padding: 16px 24px;
  border-top: 1px solid var(--border); }
.modal-json { margin-right: auto; font-size: 12px; color: var(--muted); }
.bk-input { margin: 16px 0; }
.bk-label-row { display: flex; gap: 6px; align-items: baseline; margin-bottom: 6px; }
.bk-label { font-weight: 700; }
.bk-optional { color: var(--muted); font-size: 13px; }
.bk-choices { display: flex; flex-direction: column; gap: 6px; }
.bk-choice { display: flex; gap: 8px; align-items: flex-start; cursor: pointer; }
.bk-choice input { margin-top: 4px; accent-color: #1264a3; }
.bk-choice-description { display: block; color: var(--muted); font-size: 13px; }
.bk-select, .bk-text-input { width: 100%; font: inherit; padding: 8px 10px; border: 1px solid #bbb;
  border-radius: 4px; background: #fff; }
.bk-has-error .bk-select, .bk-has-error .bk-text-input { border-color: var(--danger); }
.bk-hint { color: var(--muted); font-size: 13px; margin: 4px 0 0; }
.bk-error { color: var(--danger); font-size: 13px; font-weight: 700; margin: 4px 0 0; }
.confirm { border: none; border-radius: 8px; padding: 20px 24px; width: 440px; max-width: calc(100vw - 32px);
  box-shadow: 0 18px 48px rgba(0, 0, 0, 0.35); }
.confirm::backdrop { background: rgba(0, 0, 0, 0.45); }
.confirm h2 { margin: 0 0 8px; font-size: 18px; }
.confirm-buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 16px; }
.toast { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); background: #1d1c1d;
  color: #fff; padding: 10px 16px; border-radius: 8px; max-width: 640px; z-index: 20; font-size: 14px; }
`;
