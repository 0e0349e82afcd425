/** The seeds/004 clean-architecture backend as a Retort sample: migrations live in the persistence layer. */
package dev.retort.samples.cleanarch;
