// A PostgreSQL schema of this run's own (as the runtime's TestDatabase makes one), named in
// retort.properties for invocation 2; invocation 1 overrides the url with -Dretort.url.
String base = System.getenv('RETORT_TEST_PG_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
String schema = 'rt_mvnit_' + Long.toHexString(new Random().nextLong() & 0xffffffffffL)
def c = new org.postgresql.Driver().connect(base, new Properties())
try { c.createStatement().execute('CREATE SCHEMA ' + schema) } finally { c.close() }
new File(basedir, 'retort.properties').text = 'url=' + base + (base.contains('?') ? '&' : '?') + 'currentSchema=' + schema + '\n'
new File(basedir, 'pg-schema.txt').text = schema
return true
