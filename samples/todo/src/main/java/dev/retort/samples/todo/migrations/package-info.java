/** The Todo AI chatbot's schema changes. */
package dev.retort.samples.todo.migrations;
