/** PostgreSQL: DDL rendered through jOOQ where jOOQ renders it right, loaded only when a step runs. */
package dev.retort.runtime.dialect.postgres;
