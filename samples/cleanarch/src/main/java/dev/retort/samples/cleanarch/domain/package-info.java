/** The domain: entities and rules, free of persistence. */
package dev.retort.samples.cleanarch.domain;
