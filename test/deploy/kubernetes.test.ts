import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

/**
 * deploy/kubernetes/ checked offline against the Kubernetes JSON schemas that the kubernetes-models package
 * ships (compiled validators, no cluster and no network), then for what this app needs of them.
 */

const folder = join(import.meta.dirname, '../../deploy/kubernetes');
const root = join(import.meta.dirname, '../..');

const MODELS = {
  'apps/v1 Deployment': (data: object) => new Deployment(data),
  'v1 Service': (data: object) => new Service(data),
  'v1 Secret': (data: object) => new Secret(data),
} as const;

function documents(): { file: string; data: { apiVersion?: string; kind?: string } }[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(folder, file), 'utf8')).map((doc) => ({
        file,
        data: doc.toJS() as { apiVersion?: string; kind?: string },
      })),
    );
}

function only<T>(kind: keyof typeof MODELS): T {
  const found = documents().filter(({ data }) => `${data.apiVersion} ${data.kind}` === kind);
  expect(found).toHaveLength(1);
  return MODELS[kind]((found[0] as { data: object }).data) as T;
}

describe('deploy/kubernetes', () => {
  it('has a Deployment, a Service and a Secret template, each valid against the Kubernetes schemas', () => {
    const all = documents();
    expect(all.map(({ data }) => `${data.apiVersion} ${data.kind}`).sort()).toEqual(
      Object.keys(MODELS).sort(),
    );
    for (const { file, data } of all) {
      const model = MODELS[`${data.apiVersion} ${data.kind}` as keyof typeof MODELS];
      expect(() => model(data).validate(), file).not.toThrow();
    }
  });

  it('the validator refuses a manifest Kubernetes would refuse', () => {
    const deployment = only<Deployment>('apps/v1 Deployment');
    const broken = new Deployment({
      metadata: deployment.metadata ?? {},
      spec: { ...deployment.spec, replicas: 'two' as unknown as number, selector: {}, template: {} },
    });
    expect(() => broken.validate()).toThrow(/replicas must be integer/);
  });

  it('runs two non-root replicas probed on /healthz and /readyz, with a grace period longer than the drain', () => {
    const { spec } = only<Deployment>('apps/v1 Deployment');
    expect(spec?.replicas).toBe(2);
    const pod = spec?.template.spec;
    expect(pod?.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    const [app] = pod?.containers ?? [];
    expect(app?.livenessProbe?.httpGet?.path).toBe('/healthz');
    expect(app?.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(app?.resources?.requests).toBeDefined();
    expect(app?.resources?.limits).toBeDefined();
    expect(app?.securityContext).toMatchObject({ allowPrivilegeEscalation: false });
    // preStop pause + the app's 10 s exit bound (src/index.ts) must fit in the grace period.
    const pause = Number(app?.lifecycle?.preStop?.exec?.command?.[1] ?? 0);
    expect(pause + 10).toBeLessThan(pod?.terminationGracePeriodSeconds ?? 30);
    expect(app?.ports?.[0]?.containerPort).toBe(3000);
    expect(app?.env).toContainEqual({ name: 'PORT', value: '3000' });

    const service = only<Service>('v1 Service');
    expect(service.spec?.selector).toEqual(spec?.template.metadata?.labels);
  });

  it('matches the image: the numeric user of the Dockerfile and Node 24 with an init process', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:24-[a-z]+-slim AS runtime$/m);
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]$/m);
    expect(dockerfile).toMatch(/^ENV .*LOG_FORMAT=json/m);
    // What only the offline sandbox needs stays out of the image (src/index.ts imports it dynamically).
    expect(dockerfile).toMatch(/^RUN npm run build && rm -rf dist\/sandbox dist\/emulator$/m);
  });
});

describe('docker-compose.yml', () => {
  it('keeps Redis data (AOF, noeviction) and gates on /readyz', () => {
    const compose = parseAllDocuments(readFileSync(join(root, 'docker-compose.yml'), 'utf8'))[0]?.toJS() as {
      services: Record<string, { command?: string[]; healthcheck?: { test: string[] } }>;
    };
    const redis = compose.services.redis?.command?.join(' ');
    expect(redis).toContain('--appendonly yes');
    expect(redis).toContain('--maxmemory-policy noeviction');
    expect(compose.services.app?.healthcheck?.test.join(' ')).toContain('/readyz');
  });
});
