/** Persistence: the database, its migrations, and the repositories that implement the application's ports. */
package dev.retort.samples.cleanarch.infrastructure.persistence;
