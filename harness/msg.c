/* msg.c - choosing the language of the grader's messages (see msg.h). */
#include "msg.h"

#include <stddef.h>

static enum lang current = LANG_KO;

void msg_set_lang(enum lang lang)
{
	current = lang;
}

enum lang msg_lang(void)
{
	return current;
}

const char *msg_in(enum lang lang, enum msg_id m)
{
	if (m <= M_NONE || m >= M_COUNT)
		return NULL;
	return lang == LANG_EN ? msg_en[m] : msg_ko[m];
}

const char *msg(enum msg_id m)
{
	const char *s = msg_in(current, m);

	/* A missing translation falls back to the other language rather than printing nothing. */
	if (!s)
		s = msg_in(current == LANG_EN ? LANG_KO : LANG_EN, m);
	return s ? s : "?";
}

const char *msg_name(enum msg_id m)
{
	static const char *const names[M_COUNT] = {
#define MSG_NAME(id) [id] = #id,
		MSG_IDS(MSG_NAME)
#undef MSG_NAME
	};

	return m > M_NONE && m < M_COUNT ? names[m] : "M_NONE";
}
