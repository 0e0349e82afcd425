String log = new File(basedir, 'build.log').getText('UTF-8')
File plain = new File(basedir, 'src/main/java/it/db/Widgets_c0ffee000002.java')
assert plain.isFile(): 'no ' + plain
assert plain.text.contains('revises = "a1f0c0de0001"')
assert log.contains('[INFO] Generating src/main/java/it/db/Widgets_c0ffee000002.java (c0ffee000002, revises a1f0c0de0001)')

File generated = new File(basedir, 'src/main/java/it/db/Widgets_c0ffee000003.java')
assert generated.isFile(): 'no ' + generated
assert generated.text.contains('revises = "c0ffee000002"')
assert generated.text.contains('op.createTable("widgets"')
assert log.contains('[INFO]   Detected createTable(widgets)')
return true
