/** The three ways to run the stream, which every stage of the decision speaks of. */
export const PLATFORMS = ['kafka', 'kinesis', 'msk'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  kafka: 'Self-managed Kafka',
  kinesis: 'Amazon Kinesis',
  msk: 'Amazon MSK',
};
