/** The chat backend's schema changes, in the order its team made them. */
package dev.retort.samples.chat.migrations;
