/**
 * Portable schema vocabulary used by the op records: SQL types, column definitions, server
 * defaults, foreign-key references and qualified table names. Nothing here knows a dialect;
 * the runtime's dialects map these values to native SQL.
 */
package dev.retort.schema;
