/** MariaDB and MySQL: rendering, types, introspection and the lock, for DDL that is not transactional. */
package dev.retort.runtime.dialect.mysql;
