import { describe, expect, it } from 'vitest';
import { html } from '../../src/sandbox/render/html.js';
import { type Directory, renderMrkdwn, renderPlainText } from '../../src/sandbox/render/mrkdwn.js';

const directory: Directory = {
  userName: (id) => ({ U0ALICE: 'Alice' })[id],
  channelName: (id) => ({ C0GENERAL: 'general' })[id],
};

const render = (text: string) => renderMrkdwn(text, directory).value;

describe('renderMrkdwn', () => {
  it('shows a Slack date by its fallback, marked with the moment it stands for', () => {
    expect(
      render('Decide by <!date^1795852799^{date_short_pretty} at {time}|28 Nov 2026, 07:59 UTC> (Friday)'),
    ).toBe('Decide by <time datetime="2026-11-28T07:59:59.000Z">28 Nov 2026, 07:59 UTC</time> (Friday)');
  });

  it('formats bold, italic, strike and code as Slack does', () => {
    expect(render('*Verdict: Kinesis* · _clear_ · ~MSK~ · `acks=all`')).toBe(
      '<b>Verdict: Kinesis</b> · <i>clear</i> · <s>MSK</s> · <code>acks=all</code>',
    );
    expect(render('*bold with _italic_ inside*')).toBe('<b>bold with <i>italic</i> inside</b>');
  });

  it('leaves markers inside words and around spaces alone', () => {
    expect(render('snake_case_name and 2*3*4 and * not bold *')).toBe(
      'snake_case_name and 2*3*4 and * not bold *',
    );
  });

  it('does not format inside code', () => {
    expect(render('`*not bold*`')).toBe('<code>*not bold*</code>');
    expect(render('```\nline one\n*two*```')).toBe('<pre>line one\n*two*</pre>');
  });

  it('shows people and channels by name, special mentions and safe links', () => {
    expect(render('Started by <@U0ALICE> in <#C0GENERAL> for <!here>')).toBe(
      'Started by <span class="mention">@Alice</span> in <span class="mention">#general</span> for <span class="mention">@here</span>',
    );
    expect(render('<@U0NOBODY> <#C0OTHER|random>')).toBe(
      '<span class="mention">@U0NOBODY</span> <span class="mention">#random</span>',
    );
    expect(render('<https://aws.amazon.com/kinesis/?a=1&amp;b=2|Kinesis &amp; friends>')).toBe(
      '<a href="https://aws.amazon.com/kinesis/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">Kinesis &amp; friends</a>',
    );
  });

  it('escapes HTML: Slack-escaped text shows as the characters it stands for, nothing becomes markup', () => {
    expect(render('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more',
    );
    expect(render('<javascript:alert(1)|click me>')).toBe('&lt;javascript:alert(1)|click me&gt;');
    expect(render('<https://x.example/"onmouseover="alert(1)|x>')).toContain(
      'href="https://x.example/&quot;onmouseover=&quot;alert(1)"',
    );
    expect(render('"quotes" and \'apostrophes\'')).toBe('&quot;quotes&quot; and &#39;apostrophes&#39;');
  });

  it('keeps line breaks, shows quotes and known emoji', () => {
    expect(render('one\ntwo')).toBe('one<br>two');
    expect(render('&gt; quoted\nafter')).toBe('<blockquote>quoted</blockquote>after');
    expect(render(':warning: careful :not_an_emoji:')).toBe('⚠️ careful :not_an_emoji:');
  });
});

describe('renderPlainText and html', () => {
  it('escapes everything, keeping line breaks and emoji', () => {
    expect(renderPlainText('<b>Step 1</b>\n:tada:').value).toBe('&lt;b&gt;Step 1&lt;/b&gt;<br>🎉');
    expect(renderPlainText(':tada:', { emoji: false }).value).toBe(':tada:');
  });

  it('escapes interpolations unless they are already HTML', () => {
    const label = '<img src=x onerror=alert(1)>';
    expect(html`<p title="${label}">${label}${html`<br>`}${['a', '&']}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;<br>a&amp;</p>',
    );
  });
});
