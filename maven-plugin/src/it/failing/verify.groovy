String base = System.getenv('RETORT_TEST_PG_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
def c = new org.postgresql.Driver().connect(base, new Properties())
try { c.createStatement().execute('DROP SCHEMA IF EXISTS ' + new File(basedir, 'pg-schema.txt').text + ' CASCADE') } finally { c.close() }

String log = new File(basedir, 'build.log').getText('UTF-8')
def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal dev.retort:retort-maven-plugin:') }
assert failures.size() == 2: failures
failures.each { assert it.contains(':upgrade (default-cli) on project failing: retort: error: ') && it.contains('badc0de00001'): it }
assert failures[0].contains('SQLITE_ERROR'): failures[0]
assert failures[1].contains('syntax error'): failures[1]
return true
