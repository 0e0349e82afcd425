// Drops the run's PostgreSQL schema, then checks what each invocation printed and wrote.
String base = System.getenv('RETORT_TEST_PG_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
def c = new org.postgresql.Driver().connect(base, new Properties())
try { c.createStatement().execute('DROP SCHEMA IF EXISTS ' + new File(basedir, 'pg-schema.txt').text + ' CASCADE') } finally { c.close() }

String log = new File(basedir, 'build.log').getText('UTF-8')
def expect = { String text -> assert log.contains(text): "build.log lacks: " + text }
// upgrade, current, history, heads, status
expect('[INFO] [1/2] upgrade   <base> -> a1f0c0de0001, create users')
expect('[INFO] a1f0c0de0001 -> b2f0c0de0002 (head), add nickname to users')
expect('[INFO] Up to date.')
// downgrade -1, then current
expect('[INFO] [1/1] downgrade b2f0c0de0002 -> a1f0c0de0001, add nickname to users')
// verify: validate and check bound to it, by the one <execution>
expect('[INFO] --- retort-maven-plugin:')
expect('[INFO] Every applied revision matches the code.')
expect('[INFO] The database matches its migrations at b2f0c0de0002')
// lint, bound to verify: nothing on SQLite; on PostgreSQL, the added column's missing lock_timeout, a warning
expect('[INFO] No findings.')
expect('[INFO] revision b2f0c0de0002 (AddNickname): addColumn(users.nickname): no-lock-timeout (warning)')
// the password given in the pom never shows
assert !log.contains('s3cret-never-shown')

assert new File(basedir, 'target/it.db').isFile()
assert !new File(basedir, 'retort.db').exists()
String sqlite = new File(basedir, 'target/from-pom.sql').getText('UTF-8')
assert sqlite.contains('CREATE TABLE "users"') && sqlite.contains('ALTER TABLE "users" ADD COLUMN "nickname"')
String pg = new File(basedir, 'target/pg.sql').getText('UTF-8')
assert pg.contains('CREATE TABLE "users"') && pg.contains('(postgresql)') && pg.contains('ADD "nickname" varchar(40)')

return true
