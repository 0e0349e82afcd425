/** SQLite: rendered by Retort itself, every identifier quoted, types mapped to SQLite's affinities. */
package dev.retort.runtime.dialect.sqlite;
