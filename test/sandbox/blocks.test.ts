import { describe, expect, it } from 'vitest';
import { STEPS } from '../../src/domain/questions.js';
import { aggregateTeam } from '../../src/domain/team.js';
import { Workspace } from '../../src/emulator/index.js';
import { renderBlocks } from '../../src/sandbox/render/blocks.js';
import type { Directory } from '../../src/sandbox/render/mrkdwn.js';
import { type Author, renderChannel, renderModal } from '../../src/sandbox/render/surfaces.js';
import { buildAnswersSummaryModal } from '../../src/slack/views/answers-summary.js';
import { buildDecisionMessage } from '../../src/slack/views/decision-message.js';
import { buildQuestionnaireModal } from '../../src/slack/views/questionnaire-modal.js';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';

const directory: Directory = {
  userName: (id) => (id === 'U0ALICE' ? 'Alice' : undefined),
  channelName: () => 'general',
};

/** The page's text with tags removed and whitespace folded, roughly as a person reads it. */
function readable(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function openWorkloadStep(workspace = new Workspace()) {
  const opened = workspace.openModal(
    'U0ALICE',
    buildQuestionnaireModal({ decisionId: 'd-1', decisionTitle: 'Billing <rewrite>', step: 1 }),
  );
  if (!opened.ok) throw new Error(opened.error);
  return { workspace, open: opened.value };
}

describe('renderModal', () => {
  it('shows the questionnaire step from the app’s view: title, progress, labelled inputs, hints, Back and Next', () => {
    const { open } = openWorkloadStep();
    const markup = renderModal({ open, depth: 1, directory, jsonHref: '/api/modal?user=U0ALICE' }).value;
    const text = readable(markup);

    expect(markup).toContain('role="dialog"');
    expect(text).toContain(`Stream Verdict`);
    expect(text).toContain(`Step 2 of ${STEPS.length}: Workload`);
    expect(markup).toContain('Billing &lt;rewrite&gt;');
    for (const question of STEPS[1]?.questions ?? []) expect(text).toContain(question.prompt);
    expect(markup).toMatch(/<label class="bk-label" id="field-(\d+)-label" for="field-\1">/);
    expect(markup).toMatch(/<input class="bk-text-input" type="text" inputmode="decimal" id="field-\d+"/);
    expect(markup).toMatch(/role="radiogroup" aria-labelledby="field-\d+-label"/);
    expect(markup).toContain('placeholder="MB/s"');
    expect(markup).toContain('data-action-id="questionnaire_back"');
    expect(markup).toContain('<button type="submit" class="bk-button bk-primary">Next</button>');
    expect(markup).toContain('>Finish later</button>');
  });

  it('draws each number’s rough answer as a labelled select beside its field', () => {
    const { open } = openWorkloadStep();
    const markup = renderModal({ open, depth: 1, directory, jsonHref: '/api/modal?user=U0ALICE' }).value;
    const text = readable(markup);
    expect(text).toContain('On average, how much data will be written to the stream? (MB/s)');
    expect(text).toContain('Not sure of the average writes? Pick a rough range or “Don’t know” instead');
    expect(markup).toMatch(/<select class="bk-select" id="field-\d+" name="field-\d+"/);
    expect(markup).toContain('>10 to 100 MB/s (priced at 32 MB/s)</option>');
    expect(markup).toContain('>Don&#39;t know: use a typical 1 MB/s</option>');
  });

  it('draws the summary a finished person ends on: the heading, each step, and Edit buttons read out by step', () => {
    const workspace = new Workspace();
    const opened = workspace.openModal(
      'U0ALICE',
      buildAnswersSummaryModal({
        decisionId: 'd-1',
        decisionTitle: 'Billing',
        verdictText: '*Your answers point to Amazon Kinesis*',
        steps: { workload: { avg_write_mbps: 'avg_1_10' } },
      }),
    );
    if (!opened.ok) throw new Error(opened.error);
    const markup = renderModal({ open: opened.value, depth: 1, directory, jsonHref: '/api/modal' }).value;
    expect(markup).toContain('<h3 class="bk-header">Edit my answers</h3>');
    expect(readable(markup)).toContain('2. Workload average writes = 1 to 10 MB/s');
    expect(markup).toContain('data-action-id="questionnaire_edit_step"');
    expect(markup).toContain('aria-label="Edit step 2, Workload">Edit</button>');
    expect(markup).toContain('>Done</button>');
  });

  it('shows what the person entered and the errors under their fields', () => {
    const { workspace, open } = openWorkloadStep();
    workspace.setViewState(open.view.id, {
      values: {
        avg_write_mbps: { answer: { type: 'number_input', value: '50' } },
        peak_write_mbps: { answer: { type: 'number_input', value: '10' } },
      },
    });
    workspace.setViewErrors(open.view.id, { peak_write_mbps: 'The peak cannot be lower than the average' });
    const markup = renderModal({ open, depth: 1, directory, jsonHref: '' }).value;

    const peak = markup.slice(markup.indexOf('data-block-id="peak_write_mbps"'));
    const field = peak.slice(0, peak.indexOf('data-input-block', 10));
    expect(field).toContain('value="10"');
    expect(field).toContain('aria-invalid="true"');
    expect(field).toMatch(/aria-describedby="(field-\d+)-hint \1-error"/);
    expect(field).toMatch(
      /<p class="bk-error" id="field-\d+-error">The peak cannot be lower than the average<\/p>/,
    );
    expect(markup).toContain('value="50"');
    expect(markup.match(/class="bk-error"/g)).toHaveLength(1);
  });

  it('pre-selects options, checkboxes and selects from the state, else from their initial options', () => {
    const blocks = [
      {
        type: 'input',
        block_id: 'where',
        label: { type: 'plain_text', text: 'Where?' },
        element: {
          type: 'static_select',
          action_id: 'a',
          placeholder: { type: 'plain_text', text: 'Choose one' },
          options: [
            { text: { type: 'plain_text', text: 'AWS' }, value: 'aws' },
            { text: { type: 'plain_text', text: 'GCP' }, value: 'gcp' },
          ],
          initial_option: { text: { type: 'plain_text', text: 'GCP' }, value: 'gcp' },
        },
      },
      {
        type: 'input',
        block_id: 'uses',
        optional: true,
        label: { type: 'plain_text', text: 'Uses' },
        element: {
          type: 'checkboxes',
          action_id: 'a',
          options: [
            { text: { type: 'plain_text', text: 'Connect' }, value: 'connect' },
            { text: { type: 'mrkdwn', text: '*Streams*' }, value: 'streams' },
          ],
        },
      },
      {
        type: 'input',
        block_id: 'notes',
        label: { type: 'plain_text', text: 'Notes' },
        element: { type: 'plain_text_input', action_id: 'a', multiline: true },
      },
    ];
    const fromInitial = renderBlocks(blocks, { directory }).value;
    expect(fromInitial).toContain('<option value="gcp" selected>GCP</option>');
    expect(fromInitial).toContain('<option value="">Choose one</option>');
    expect(fromInitial).toContain('(optional)');
    expect(fromInitial).toContain('role="group"');
    expect(fromInitial).toContain('<b>Streams</b>');
    expect(fromInitial).toMatch(
      /<textarea class="bk-text-input" rows="4" id="field-2" name="field-2"><\/textarea>/,
    );

    const fromState = renderBlocks(blocks, {
      directory,
      state: {
        values: {
          where: { a: { type: 'static_select', selected_option: { value: 'aws' } } },
          uses: { a: { type: 'checkboxes', selected_options: [{ value: 'streams' }] } },
          notes: { a: { type: 'plain_text_input', value: '</textarea><script>' } },
        },
      },
    }).value;
    expect(fromState).toContain('<option value="aws" selected>AWS</option>');
    expect(fromState).toContain('<option value="gcp">GCP</option>');
    expect(fromState).toMatch(/value="streams" checked/);
    expect(fromState).not.toMatch(/value="connect" checked/);
    expect(fromState).toContain('&lt;/textarea&gt;&lt;script&gt;</textarea>');
  });
});

describe('renderBlocks for messages', () => {
  it('shows the decision message with its verdict: header, context, divider, the flip and the primary button', () => {
    const team = aggregateTeam([{ userId: 'U0ALICE', answers: WEB_APP_SHOP_ON_AWS }]);
    const message = buildDecisionMessage({
      decision: {
        teamId: 'T1',
        decisionId: 'd-1',
        channelId: 'C1',
        createdBy: 'U0ALICE',
        title: 'Event bus & <friends>',
        createdAt: '2026-11-24T10:00:00.000Z',
      },
      team,
      inProgress: 0,
    });
    const markup = renderBlocks(message.blocks, { directory }).value;

    expect(markup).toContain('<h3 class="bk-header">Event bus &amp; &lt;friends&gt;</h3>');
    expect(markup).toContain('<span class="mention">@Alice</span>');
    expect(markup).toContain('<hr class="bk-divider">');
    expect(markup).toContain('<b>Verdict: Amazon Kinesis</b>');
    expect(markup).toMatch(
      /<button type="button" class="bk-button bk-primary" data-action-id="answer_questionnaire" data-block-id="decision_actions">Answer or edit my answers<\/button>/,
    );
    expect(markup).toContain('<b>What would flip it:</b>');
  });

  it('shows section fields, and names what it cannot show instead of dropping it', () => {
    const markup = renderBlocks(
      [
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Kafka*\n3 brokers' },
            { type: 'plain_text', text: 'Kinesis' },
          ],
        },
        { type: 'video', title: { type: 'plain_text', text: 'Demo' } },
      ],
      { directory },
    ).value;
    expect(markup).toContain('<div class="bk-field"><b>Kafka</b><br>3 brokers</div>');
    expect(markup).toContain('The sandbox does not show block type &quot;video&quot; yet.');
  });
});

describe('renderChannel', () => {
  it('interleaves the viewer’s ephemeral messages by time, marked as only visible to them, with reply counts', () => {
    const workspace = new Workspace();
    const parent = workspace.postMessage({ channel: 'C1', text: 'Decision: *Kafka or Kinesis?*' });
    const ephemeral = workspace.postEphemeral({
      channel: 'C1',
      user: 'U0ALICE',
      text: ':warning: Storage is down',
    });
    workspace.postMessage({ channel: 'C1', text: 'A reply', threadTs: parent.ts, user: 'U0ALICE' });
    const app: Author = { name: 'Stream Verdict', initials: 'SV', color: '#000', isApp: true };
    const alice: Author = { name: 'Alice', initials: 'A', color: '#00f', isApp: false };

    const markup = renderChannel({
      messages: workspace.messagesIn('C1'),
      repliesTo: (ts) => workspace.repliesTo('C1', ts),
      ephemeral: workspace.ephemeralFor('U0ALICE', 'C1'),
      context: { directory, author: (id) => (id === 'U0ALICE' ? alice : app), app },
    }).value;

    expect(markup.indexOf(`data-ts="${parent.ts}"`)).toBeLessThan(
      markup.indexOf(`data-ts="${ephemeral.ts}"`),
    );
    expect(markup).toContain('Only visible to you');
    expect(markup).toContain('⚠️ Storage is down');
    expect(markup).toContain('<b>Kafka or Kinesis?</b>');
    expect(readable(markup)).toContain('1 reply · Alice');
    expect(markup).not.toContain('A reply');
  });
});
