/** The seeds/001 chat backend as a Retort sample: adopting Retort on a database the app already made. */
package dev.retort.samples.chat;
