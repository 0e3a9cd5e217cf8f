// The hosts these tests start (one per collection) each open a LiteDB file; LiteDB registers entity
// mappings on its process-wide BsonMapper.Global on first use, and two databases opened at the same
// moment in one process can race there ("Member Identities not found on BsonMapper"). One process runs
// one host in production, so the tests run their collections one after another rather than hide it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
