import { describe, expectTypeOf, it } from 'vitest';
import type { RequestOf, RequestOfKey, ResponseInput, ResponseInputOfKey, ResponseOf } from './index.js';

// Compile-time checks (run by `tsc` as well as vitest): the value types come from the declarations.

describe('inferred message types', () => {
  it('type decoded requests field by field', () => {
    type Produce = RequestOf<0>;
    expectTypeOf<Produce['transactionalId']>().toEqualTypeOf<string | null>();
    expectTypeOf<Produce['acks']>().toEqualTypeOf<number>();
    expectTypeOf<Produce['topicData'][number]['partitionData'][number]['records']>().toEqualTypeOf<Buffer | null>();
    type Fetch = RequestOf<1>;
    expectTypeOf<Fetch['topics'][number]['partitions'][number]['fetchOffset']>().toEqualTypeOf<bigint>();
    expectTypeOf<RequestOf<3>['topics']>().toEqualTypeOf<{ name: string }[] | null>();
    expectTypeOf<RequestOf<15>['groups']>().toEqualTypeOf<string[]>();
    expectTypeOf<RequestOf<11>['protocols'][number]['metadata']>().toEqualTypeOf<Buffer>();
  });

  it('type decoded responses', () => {
    expectTypeOf<ResponseOf<3>['topics'][number]['partitions'][number]['replicaNodes']>().toEqualTypeOf<number[]>();
    expectTypeOf<ResponseOf<18>['finalizedFeaturesEpoch']>().toEqualTypeOf<bigint>();
  });

  it('make fields optional in inputs where a default or a version range allows it', () => {
    const metadata: ResponseInput<3> = {
      brokers: [{ nodeId: 0, host: 'localhost', port: 9092 }],
      topics: [{ errorCode: 0, name: 't', partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 0, replicaNodes: [0], isrNodes: [0] }] }],
    };
    const fetch: ResponseInput<1> = {
      responses: [{ partitions: [{ partitionIndex: 0, errorCode: 0, highWatermark: 5n, records: [Buffer.alloc(1), Buffer.alloc(2)] }] }],
    };
    expectTypeOf(metadata).toExtend<ResponseInput<3>>();
    expectTypeOf(fetch).toExtend<ResponseInput<1>>();
  });

  it('reject unknown and mistyped fields', () => {
    // @ts-expect-error -- misspelt field
    const misspelt: ResponseInput<12> = { errorcode: 0 };
    // @ts-expect-error -- int64 offsets are bigint (or number), not string
    const wrongType: ResponseInput<0> = { responses: [{ name: 't', partitionResponses: [{ index: 0, errorCode: 0, baseOffset: '1' }] }] };
    void misspelt;
    void wrongType;
  });

  it('fall back to unknown for a key only known at run time', () => {
    expectTypeOf<RequestOfKey<number>>().toEqualTypeOf<unknown>();
    expectTypeOf<ResponseInputOfKey<number>>().toEqualTypeOf<unknown>();
    expectTypeOf<RequestOfKey<12>>().toEqualTypeOf<RequestOf<12>>();
  });
});
