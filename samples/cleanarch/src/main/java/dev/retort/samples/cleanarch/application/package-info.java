/** The application layer: use cases, and the ports persistence implements. */
package dev.retort.samples.cleanarch.application;
