/*
 * hostile: 컴파일할 때 /dev/zero를 포함해 컴파일러를 끝없이 읽게 한다.
 * expect: build=fail
 */
#include "/dev/zero"
int main(void) { return 0; }
