/** The schema's history, in the persistence layer with the code that uses the tables. */
package dev.retort.samples.cleanarch.infrastructure.persistence.migrations;
