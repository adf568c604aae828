/**
 * The page's fixed frame, laid out like a Slack channel: the workspace sidebar, the channel, a thread pane
 * and a layer for modals. The script fills every region from `/api/page`.
 */
export function pageShell(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stream Verdict · offline sandbox</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/sandbox.css">
</head>
<body>
<div class="app" id="app">
  <header class="topbar">
    <span class="sandbox-badge">Offline sandbox</span>
    <span class="topbar-note">Slack is emulated on this machine; the app under it is the real one.</span>
    <label class="switcher">Acting as <select id="user-switcher"></select></label>
  </header>
  <nav class="sidebar" aria-label="Workspace">
    <div class="workspace-name">Sandbox</div>
    <h2 class="sidebar-heading">Channels</h2>
    <ul class="channel-list" id="channel-list"></ul>
    <h2 class="sidebar-heading">Apps</h2>
    <ul class="channel-list"><li><button type="button" id="open-home" data-open-home>Stream Verdict</button></li></ul>
    <section class="api-errors" id="api-errors" aria-label="Web API errors" hidden>
      <h2 class="sidebar-heading">Web API errors</h2>
      <ul id="api-error-list"></ul>
    </section>
  </nav>
  <main class="channel" aria-labelledby="channel-title">
    <header class="channel-header">
      <h1 id="channel-title">#</h1>
      <p id="channel-topic"></p>
    </header>
    <div class="messages" id="messages" role="log" aria-label="Messages"></div>
    <div class="home-tab" id="home" hidden></div>
    <form class="composer" id="composer" autocomplete="off">
      <input id="composer-input" type="text" aria-label="Message">
      <button type="submit" class="composer-send">Send</button>
    </form>
    <p class="composer-hint" id="composer-hint"></p>
  </main>
  <aside class="thread" id="thread-pane" aria-labelledby="thread-title" hidden>
    <header class="thread-header">
      <h2 id="thread-title">Thread</h2>
      <span class="thread-channel" id="thread-channel"></span>
      <button type="button" class="modal-icon" id="thread-close" aria-label="Close thread">✕</button>
    </header>
    <div class="thread-body" id="thread"></div>
    <form class="composer" id="thread-composer" autocomplete="off">
      <input id="thread-input" type="text" aria-label="Reply in thread" placeholder="Reply…">
      <button type="submit" class="composer-send">Send</button>
    </form>
  </aside>
</div>
<div id="modal-root"></div>
<div class="toast" id="toast" role="alert" hidden></div>
<script type="module" src="/assets/sandbox.js"></script>
</body>
</html>
`;
}
