/* msg_ko.c - the grader's messages in Korean (the default language). Plain -한다 style; the terms
 * follow docs-ko/glossary.md. */
#include "msg.h"

const char *const msg_ko[M_COUNT] = {
	/* labs */
	[M_LAB_READ_MAP] = "읽기 전용 메모리 매핑으로 파일의 모든 바이트를 출력한다",
	[M_LAB_WRITE_MSYNC] = "읽기-쓰기 메모리 매핑으로 파일에 hello mmap!을 쓰고 msync로 동기화한다",

	/* check titles */
	[M_T_BUILD] = "컴파일된다",
	[M_T_OPEN_READ] = "입력 파일을 읽기 전용(O_RDONLY)으로 연다",
	[M_T_OPEN_RDWR] = "입력 파일을 읽기-쓰기(O_RDWR)로 연다",
	[M_T_SIZE] = "매핑하기 전에 파일에서 크기를 알아낸다",
	[M_T_MMAP_READ] = "파일 전체를 PROT_READ, MAP_SHARED로 매핑한다",
	[M_T_MMAP_WRITE] = "파일 전체를 PROT_READ|PROT_WRITE, MAP_SHARED로 매핑한다",
	[M_T_RUN] = "정상 파일에서 종료 상태 0으로 끝난다",
	[M_T_OUTPUT] = "표준 출력이 정확하다",
	[M_T_CONTENT] = "파일이 hello mmap!으로 시작하고 나머지는 그대로다",
	[M_T_MSYNC] = "매핑을 msync(MS_SYNC)로 동기화한다",
	[M_T_MUNMAP] = "매핑을 munmap으로 해제한다",
	[M_T_CLOSE] = "입력 파일의 파일 기술자를 닫는다",
	[M_T_VALGRIND] = "Valgrind Memcheck가 오류, 누수, 열린 기술자를 찾지 못한다",
	[M_T_ERROR_OPEN] = "파일이 없을 때 표준 오류에 알리고 실패로 끝난다",
	[M_T_ERROR_MMAP] = "mmap이 실패할 때 표준 오류에 알리고 실패로 끝난다",
	[M_T_ERROR_MSYNC] = "msync가 실패할 때 표준 오류에 알리고 실패로 끝난다",
	[M_T_EMPTY_FILE] = "빈 파일은 매핑하지 않고 File size is 0을 출력한다",
	[M_T_SHORT_FILE] = "hello mmap!보다 짧은 파일을 늘리거나 거부한다",

	/* hints: what to do next (the report adds the lab step and the man page) */
	[M_H_BUILD] = "컴파일러가 처음 보고한 오류부터 고친다. 그 뒤의 오류는 첫 오류 때문에 생긴 경우가 많다.",
	[M_H_OPEN_READ] = "open(path, O_RDONLY)로 연다. 읽기만 하는 매핑에는 쓰기 권한이 필요 없다.",
	[M_H_OPEN_RDWR] = "open(path, O_RDWR)로 연다. PROT_WRITE와 MAP_SHARED로 매핑하려면 파일 기술자가 쓰기도 허용해야 한다.",
	[M_H_SIZE] = "mmap을 호출하기 전에 fstat(fd, &st)를 호출하고 st.st_size를 길이로 쓴다. 반환값도 검사한다.",
	[M_H_MMAP_READ] = "mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0)으로 호출하고 MAP_FAILED인지 검사한다.",
	[M_H_MMAP_WRITE] = "mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)으로 호출한다. MAP_PRIVATE로 쓴 내용은 파일에 반영되지 않는다.",
	[M_H_RUN] = "증거에 나온 종료 상태나 시그널을 본다. SIGSEGV나 SIGBUS라면 매핑 밖을 읽거나 쓴 것이다.",
	[M_H_OUTPUT] = "printf(\"File size is %%jd\\n\", (intmax_t)st.st_size)를 먼저 출력하고, 각 바이트를 printf(\"Found character %%c at %%jd\\n\", map[i], (intmax_t)i)로 출력한다.",
	[M_H_CONTENT] = "매핑의 처음 11바이트에 hello mmap!을 쓴다. 끝의 NUL 문자는 쓰지 않는다(strcpy 대신 memcpy).",
	[M_H_MSYNC] = "munmap 전에 msync(map, st.st_size, MS_SYNC)를 호출하고 반환값을 검사한다. 리눅스에서는 msync 없이도 파일이 바뀐 것처럼 보이지만, 디스크에 기록되었다는 보장은 MS_SYNC만 준다.",
	[M_H_MUNMAP] = "munmap(map, st.st_size)로 mmap이 돌려준 주소와 같은 길이를 해제하고 반환값을 검사한다.",
	[M_H_CLOSE] = "파일 기술자는 매핑한 직후에 닫아도 된다. 어느 경로로 끝나든 close(fd)를 호출한다.",
	[M_H_VALGRIND] = "증거에 나온 파일:줄을 본다. malloc한 메모리는 free하고, 연 파일은 모두 닫는다.",
	[M_H_ERROR_OPEN] = "open이 -1을 돌려주면 perror(\"open\")처럼 표준 오류에 알리고 EXIT_FAILURE로 끝낸다.",
	[M_H_ERROR_MMAP] = "mmap의 반환값을 NULL이 아니라 MAP_FAILED와 비교하고, 실패하면 perror(\"mmap\") 뒤 EXIT_FAILURE로 끝낸다.",
	[M_H_ERROR_MSYNC] = "msync가 -1을 돌려주면 perror(\"msync\")로 알리고 EXIT_FAILURE로 끝낸다. 동기화가 실패했는데 성공으로 끝나면 데이터를 잃었다는 사실이 숨겨진다.",
	[M_H_EMPTY_FILE] = "길이 0으로 mmap을 호출하면 EINVAL로 실패한다. 크기가 0이면 File size is 0만 출력하고 매핑하지 않은 채 0으로 끝낸다.",
	[M_H_SHORT_FILE] = "파일이 11바이트보다 짧으면 ftruncate(fd, 11)로 먼저 늘린 뒤 새 길이로 매핑하거나, 표준 오류에 알리고 실패로 끝낸다.",
	[M_H_SHORT_LOST] = "파일은 %1$zu바이트뿐이다. 매핑은 페이지 단위라 마지막 페이지의 나머지는 0으로 채워진 메모리이고, 그곳에 쓴 바이트는 파일에 기록되지 않고 사라진다. 파일 끝 너머의 %2$zu바이트 이후에 쓰기 전에 ftruncate로 파일을 늘린다.",

	/* lab perf */
	[M_LAB_PERF] = "같은 파일을 read와 여러 방식의 mmap으로 훑어 보고 어느 쪽이 빠른지 잰다",
	[M_T_PERF_READ] = "read 모드: 요청한 버퍼 크기로 read하고 결과가 정확하다",
	[M_T_PERF_MMAP] = "mmap 모드: 파일을 한 번 매핑해 훑고 결과가 정확하다",
	[M_T_PERF_SEQ] = "mmap-seq 모드: 매핑에 madvise(MADV_SEQUENTIAL)를 건다",
	[M_T_PERF_POPULATE] = "mmap-populate 모드: MAP_POPULATE로 매핑한다",
	[M_T_PERF_PREAD] = "random-pread 모드: 조회마다 pread 한 번으로 8바이트를 읽는다",
	[M_T_PERF_RANDOM_MMAP] = "random-mmap 모드: pread 없이 매핑에서 조회한다",
	[M_T_PERF_ERRORS] = "잘못된 사용, 없는 파일, 빈 파일을 올바르게 처리한다",
	[M_H_PERF_READ] = "--buffer로 받은 크기만큼 버퍼를 잡고 read(fd, buf, size)를 반복한다. 바이트 합은 unsigned char로 더해야 음수가 섞이지 않는다.",
	[M_H_PERF_MMAP] = "파일 전체를 한 번 mmap하고, 훑은 뒤 munmap한다. 이 모드에서는 read를 부르지 않는다.",
	[M_H_PERF_SEQ] = "mmap이 돌려준 주소와 길이로 madvise(map, len, MADV_SEQUENTIAL)를 호출하고 반환값을 검사한다.",
	[M_H_PERF_POPULATE] = "mmap의 flags에 MAP_SHARED | MAP_POPULATE를 준다.",
	[M_H_PERF_PREAD] = "조회마다 pread(fd, &v, 8, offset)을 정확히 한 번 호출한다. 매핑은 만들지 않는다.",
	[M_H_PERF_RANDOM_MMAP] = "파일을 한 번 매핑하고 memcpy(&v, map + offset, 8)로 읽는다. pread는 부르지 않는다.",
	[M_H_PERF_ERRORS] = "알 수 없는 모드는 사용법을 표준 오류에 쓰고 2로, 열 수 없는 파일은 perror 뒤 1로 끝낸다. 빈 파일은 매핑하지 않고 lines=0 sum=0을 출력한다.",
	[M_PERF_EXPECT_LINE] = "표준 출력 한 줄: \"%s seconds=<경과 시간>\"",
	[M_PERF_WRONG_LINE] = "출력한 결과가 정확하지 않다",
	[M_PERF_READ_IN_MMAP_MODE] = "mmap 모드인데 파일을 %s로 읽었다",
	[M_PERF_NO_MAPPING] = "파일을 매핑하는 데 성공한 mmap 호출이 없다",
	[M_PERF_MAPPINGS] = "파일을 한 번 매핑해야 하는데 %zu번 매핑했다",
	[M_PERF_MAPPED_IN_READ_MODE] = "매핑하지 않아야 하는 모드에서 파일을 매핑했다",
	[M_PERF_NO_READ] = "파일을 읽는 read 호출이 없다",
	[M_PERF_BUFFER_SIZE] = "read가 %1$lld바이트를 요청했다(--buffer로 준 %2$d바이트여야 한다)",
	[M_PERF_READ_OK] = "read %1$zu번, 매번 %2$d바이트를 요청하고 결과가 정확하다",
	[M_PERF_MMAP_OK] = "파일을 한 번 매핑해 훑고 해제하며 결과가 정확하다",
	[M_PERF_MADVISE_OK] = "매핑에 MADV_SEQUENTIAL을 걸고 결과가 정확하다",
	[M_PERF_NO_MADVISE] = "매핑에 대한 madvise(MADV_SEQUENTIAL) 호출이 없다",
	[M_PERF_MADVISE_PARTIAL] = "madvise(MADV_SEQUENTIAL)가 매핑의 일부만 덮는다(매핑의 주소와 길이 전체에 걸어야 한다)",
	[M_PERF_NO_POPULATE] = "mmap의 플래그 %s에 MAP_POPULATE가 없다",
	[M_PERF_POPULATE_OK] = "MAP_POPULATE로 매핑하고 결과가 정확하다",
	[M_PERF_PREAD_COUNT] = "pread 호출이 %1$zu번이다(조회 %2$d번과 같아야 한다)",
	[M_PERF_PREAD_SIZE] = "pread가 %lld바이트를 요청했다(조회마다 8바이트여야 한다)",
	[M_PERF_PREAD_OK] = "조회마다 pread를 한 번씩(%zu번) 호출하고 결과가 정확하다",
	[M_PERF_RANDOM_MMAP_OK] = "pread 없이 매핑에서 %d번 조회하고 결과가 정확하다",
	[M_PERF_ERRORS_EXPECT] = "알 수 없는 모드: 표준 오류에 사용법, 종료 상태 2. 없는 파일: 표준 오류에 메시지, 종료 상태 1. 빈 파일: lines=0 sum=0, 매핑 없음",
	[M_PERF_ERROR_RUN] = "%1$s 실행에서 표준 오류에 메시지를 쓰고 실패로 끝나야 한다(종료 상태 %2$d)",
	[M_PERF_EMPTY] = "빈 파일에서 %s 모드가 lines=0 sum=0을 출력하고 0으로 끝나지 않았다",
	[M_PERF_ERRORS_OK] = "잘못된 모드, 없는 파일, 빈 파일을 모두 올바르게 처리한다",

	/* build */
	[M_BUILD_OK] = "컴파일된다",
	[M_BUILD_WARNINGS] = "경고가 있다. 감점은 없지만 경고는 대개 버그를 가리키니 고친다.",
	[M_BUILD_FAILED] = "컴파일되지 않는다",
	[M_BUILD_TIMEOUT] = "컴파일이 시간 제한이나 출력 제한을 넘어 중단되었다",

	/* open */
	[M_OPEN_OK] = "입력 파일을 %s로 연다",
	[M_OPEN_EXPECT] = "%1$s를 %2$s로 여는 open 또는 openat 호출",
	[M_OPEN_NONE] = "%s를 여는 호출이 없다",
	[M_OPEN_FAILED] = "입력 파일을 여는 호출이 %s로 실패했다",
	[M_OPEN_WRONG_MODE] = "입력 파일을 %1$s로 열었다(%2$s여야 한다)",

	/* size */
	[M_SIZE_OK] = "매핑하기 전에 %s 호출로 크기를 알아낸다",
	[M_SIZE_EXPECT] = "mmap 전에 입력 파일에 대한 fstat, stat, statx 또는 lseek(SEEK_END) 호출",
	[M_SIZE_AFTER_MAP] = "크기를 알아내는 호출이 mmap보다 뒤에 있다",
	[M_SIZE_NONE] = "파일에서 크기를 알아내는 호출(fstat, stat, statx, lseek)이 없다",

	/* mmap */
	[M_MMAP_OK] = "파일을 매핑한다(길이 %1$llu, 주소 %2$#llx)",
	[M_MMAP_EXPECT] = "길이 %1$llu(또는 페이지 단위로 올린 %2$llu), %3$s, MAP_SHARED, 오프셋 0으로 성공하는 mmap",
	[M_MMAP_NONE] = "%s를 매핑하는 mmap 호출이 없다",
	[M_MMAP_FAILED] = "입력 파일의 mmap이 %s로 실패했다",
	[M_MMAP_PROT] = "보호 속성이 %1$s이다(%2$s여야 한다)",
	[M_MMAP_PRIVATE_WRITE] = "플래그가 %s이다. 사적 매핑에 쓴 내용은 파일에 반영되지 않으므로 MAP_SHARED여야 한다",
	[M_MMAP_FLAGS] = "플래그 %s에 MAP_SHARED가 없다",
	[M_MMAP_OFFSET] = "오프셋이 %lld이다(0이어야 한다)",
	[M_MMAP_LENGTH] = "길이가 %1$llu바이트다. 파일 크기는 %2$llu바이트다",
	[M_MMAP_PRIVATE_NOTE] = "MAP_PRIVATE를 썼다. 읽기만 하는 매핑에서는 MAP_SHARED와 같게 동작하므로 통과로 본다.",

	/* run */
	[M_RUN_OK] = "종료 상태 0으로 끝난다(%.2f초)",
	[M_RUN_NOT_STARTED] = "프로그램을 실행할 수 없다: %s",
	[M_RUN_TIMEOUT] = "시간 제한을 넘어 %d초 만에 중단되었다. 무한 루프나 입력 대기가 없는지 본다",
	[M_RUN_FLOOD] = "출력이 너무 많아(제한 초과) 중단되었다",
	[M_RUN_SIGNAL] = "시그널 %s로 비정상 종료했다",
	[M_RUN_EXIT] = "종료 상태가 %d이다(0이어야 한다)",
	[M_RUN_LEFT_BEHIND] = "프로그램은 끝났지만 남겨 둔 프로세스가 끝나지 않아 %d초 만에 시간 제한으로 중단되었다. 자식 프로세스를 기다리거나(wait) 만들지 않는다",
	[M_RUN_ORPHANS] = "프로그램이 끝난 뒤에도 프로세스 %d개가 남아 있어 채점기가 종료시켰다",
	[M_EV_UNTRACED] = "(추적하지 않은 실행에서 일어난 일이다)",

	/* output */
	[M_OUTPUT_OK] = "%zu줄이 모두 정확하다",
	[M_OUTPUT_EXPECT] = "File size is %1$zu 한 줄, 이어서 %2$zu바이트 각각에 대해 Found character C at I 한 줄",
	[M_OUTPUT_EMPTY] = "표준 출력에 아무것도 출력하지 않았다",
	[M_OUTPUT_DIFF] = "표준 출력이 기대와 다르다",
	[M_OUTPUT_FLOOD] = "출력이 %zu바이트를 넘어 중단되었다",
	[M_OUTPUT_LINE_WANT] = "%1$zu번째 줄 기대: %2$s",
	[M_OUTPUT_LINE_GOT] = "%1$zu번째 줄 실제: %2$s",

	/* content */
	[M_CONTENT_OK] = "파일이 hello mmap!으로 시작하고 나머지 바이트와 크기는 그대로다",
	[M_CONTENT_EXPECT] = "크기 %zu바이트 그대로, 처음 11바이트만 hello mmap!으로 바뀐 파일",
	[M_CONTENT_GONE] = "실행 뒤 입력 파일이 없어졌다",
	[M_CONTENT_SIZE] = "파일 크기가 %1$zu바이트에서 %2$zu바이트로 바뀌었다",
	[M_CONTENT_DIFF] = "파일 내용이 기대와 다르다",
	[M_CONTENT_FIRST_DIFF] = "처음으로 다른 바이트: 오프셋 %zu",

	/* msync */
	[M_MSYNC_OK] = "%s로 매핑을 동기화한다",
	[M_MSYNC_EXPECT] = "munmap 전에 msync(%1$#llx, 길이 %2$zu 이상, MS_SYNC) 호출이 0을 돌려준다",
	[M_MSYNC_NONE] = "매핑에 대한 msync 호출이 없다. 리눅스에서는 msync 없이도 파일이 바뀐 것처럼 보이지만 디스크 기록은 보장되지 않는다",
	[M_MSYNC_FAILED] = "msync가 %s로 실패했다",
	[M_MSYNC_NOT_SYNC] = "플래그가 %s이다. MS_SYNC가 있어야 한다(MS_ASYNC는 리눅스 2.6.19부터 아무 일도 하지 않고, MS_INVALIDATE만으로는 아무것도 기록하지 않는다)",
	[M_MSYNC_RANGE] = "msync의 범위가 쓴 바이트(매핑의 처음 11바이트)를 덮지 않는다",
	[M_MSYNC_AFTER_MUNMAP] = "msync를 munmap 뒤에 호출했다. 해제된 매핑은 동기화할 수 없다",

	/* munmap */
	[M_MUNMAP_OK] = "mmap이 돌려준 주소와 길이로 매핑을 해제한다",
	[M_MUNMAP_EXPECT] = "munmap(%1$#llx, %2$llu)이 0을 돌려준다",
	[M_MUNMAP_NONE] = "매핑을 해제하는 munmap 호출이 없다",
	[M_MUNMAP_ADDR] = "munmap의 주소 %1$#llx가 mmap이 돌려준 주소 %2$#llx와 다르다",
	[M_MUNMAP_LENGTH] = "munmap의 길이(%1$lld)는 매핑의 %2$llu페이지가 아니라 %3$llu페이지를 해제한다",
	[M_MUNMAP_FAILED] = "munmap이 %s로 실패했다",
	[M_MUNMAP_LEFT] = "입력 파일의 다른 매핑이 해제되지 않았다",

	/* close */
	[M_CLOSE_OK] = "입력 파일의 파일 기술자를 모두 닫는다",
	[M_CLOSE_EXPECT] = "종료 전에 close(%ld) 호출",
	[M_CLOSE_MISSING] = "입력 파일의 파일 기술자(%ld)를 닫지 않았다",

	/* valgrind */
	[M_VG_OK] = "메모리 오류, 누수, 닫지 않은 파일 기술자가 없다",
	[M_VG_EXPECT] = "오류 0개, definitely/indirectly lost 0바이트, 종료할 때 열려 있는 파일 기술자 없음(입력 파일의 것은 close 검사가 판단한다)",
	[M_VG_FOUND] = "Valgrind가 메모리 오류 %1$zu개, 누수 %2$zu개, 닫지 않은 파일 기술자 %3$zu개를 찾았다",
	[M_VG_TIMEOUT] = "Valgrind 아래에서 시간 제한을 넘어 %d초 만에 중단되었다",
	[M_VG_INCOMPLETE] = "Valgrind 보고서가 끝까지 쓰이지 않았다(프로그램이 비정상 종료했다)",

	/* error paths */
	[M_ERR_EXPECT] = "표준 오류에 메시지를 쓰고 0이 아닌 종료 상태로 끝난다(시그널 없이)",
	[M_ERR_EXIT0] = "실패했는데 종료 상태 0(성공)으로 끝났다",
	[M_ERR_STDOUT] = "실패로 끝났지만(종료 상태 %d) 메시지를 표준 오류가 아니라 표준 출력에 썼다",
	[M_ERR_SILENT] = "실패로 끝났지만(종료 상태 %d) 표준 오류에 아무것도 쓰지 않았다",
	[M_ERR_OPEN_OK] = "파일이 없을 때 표준 오류에 알리고 실패로 끝난다(종료 상태 %d)",
	[M_ERR_MMAP_OK] = "mmap이 ENOMEM으로 실패할 때 표준 오류에 알리고 실패로 끝난다(종료 상태 %d)",
	[M_ERR_MSYNC_OK] = "msync가 EIO로 실패할 때 표준 오류에 알리고 실패로 끝난다(종료 상태 %d)",

	/* empty file */
	[M_EMPTY_OK] = "빈 파일에서 File size is 0을 출력하고 매핑 없이 0으로 끝난다",
	[M_EMPTY_EXPECT] = "표준 출력 \"File size is 0\\n\", 종료 상태 0, 입력 파일에 대한 mmap 호출 없음",
	[M_EMPTY_MAPPED] = "빈 파일을 매핑하려 했다. 길이 0의 mmap은 EINVAL로 실패한다",
	[M_EMPTY_EXIT] = "빈 파일에서 종료 상태가 %d이다(0이어야 한다)",
	[M_EMPTY_OUTPUT] = "빈 파일에서 표준 출력이 File size is 0 한 줄이 아니다",

	/* short file */
	[M_SHORT_GROWN] = "짧은 파일을 늘려서 hello mmap!을 썼다(이제 %zu바이트)",
	[M_SHORT_REFUSED] = "짧은 파일을 바꾸지 않고 표준 오류에 알린 뒤 실패로 끝난다(종료 상태 %d)",
	[M_SHORT_EXPECT] = "%zu바이트 파일을 ftruncate로 늘려 hello mmap!으로 시작하게 하거나, 파일을 그대로 두고 표준 오류에 알린 뒤 실패로 끝난다",
	[M_SHORT_NO_MESSAGE] = "실패로 끝났지만(종료 상태 %d) 표준 오류에 아무것도 쓰지 않았다",
	[M_SHORT_CHANGED_REFUSED] = "실패(종료 상태 %d)로 끝났지만 파일은 바뀌었다",
	[M_SHORT_NOTHING] = "짧은 파일을 그대로 두고 성공으로 끝났다. hello mmap!을 쓰지도, 거부하지도 않았다",
	[M_SHORT_NOT_WRITTEN] = "파일을 %1$zu바이트에서 %2$zu바이트로 바꿨지만 hello mmap!으로 시작하지 않는다(공유 매핑으로 썼는지 본다)",
	[M_SHORT_LOST] = "%1$zu바이트 파일 끝 너머에 쓴 바이트가 조용히 사라졌다(실행 뒤 파일은 %2$zu바이트)",

	/* skips */
	[M_SKIP_BUILD] = "컴파일되지 않아 판단하지 않는다",
	[M_SKIP_INTERRUPTED] = "채점이 중단되어 판단하지 않는다",
	[M_SKIP_NOT_OPENED] = "%s를 열지 못해 판단하지 않는다(open 검사를 본다)",
	[M_SKIP_RUN_NOTHING] = "프로그램이 %s를 열지도 않아 판단하지 않는다(빈 프로그램에는 점수를 주지 않는다)",
	[M_SKIP_NO_MAPPING] = "입력 파일의 매핑이 만들어지지 않아 판단하지 않는다(mmap 검사를 본다)",
	[M_SKIP_NO_SHARED_MAPPING] = "파일이 바뀌지 않았지만 공유 매핑이 없었기 때문이다(mmap 검사를 본다)",
	[M_SKIP_MMAP_EACCES] = "mmap이 EACCES로 실패한 것은 파일을 %s로 열었기 때문이다(open 검사를 본다)",
	[M_SKIP_ABNORMAL] = "프로그램이 비정상 종료해 그 뒤의 호출을 볼 수 없다(run 검사를 본다)",
	[M_SKIP_TIMEOUT] = "시간 제한으로 중단되어 판단하지 않는다(run 검사를 본다)",
	[M_SKIP_NO_MMAP_CALL] = "정상 실행에서 입력 파일의 mmap 호출이 없어 실패를 주입할 수 없다(mmap 검사를 본다)",
	[M_SKIP_NO_MSYNC_CALL] = "정상 실행에서 매핑의 msync 호출이 없어 실패를 주입할 수 없다(msync 검사를 본다)",
	[M_SKIP_INJECT_MISSED] = "주입한 실패가 입력 파일의 호출에 닿지 않았다(프로그램이 실행마다 다른 순서로 호출한다). 다시 채점한다",

	/* evidence labels and lines */
	[M_EV_STRACE] = "strace: ",
	[M_EV_STDERR] = "표준 오류: ",
	[M_EV_STDOUT] = "표준 출력: ",
	[M_EV_COMPILER] = "컴파일러:\n",
	[M_EV_VALGRIND] = "Valgrind: ",
	[M_EV_WANT_BYTES] = "기대 바이트: ",
	[M_EV_GOT_BYTES] = "실제 바이트: ",
	[M_EV_FILE_BEFORE] = "실행 전 파일: ",
	[M_EV_FILE_AFTER] = "실행 뒤 파일: ",
	[M_EV_NOT_STARTED] = "실행할 수 없었다: %s",
	[M_EV_TIMED_OUT] = "%1$s 아래에서 시간 제한으로 %2$d초 만에 중단되었다",
	[M_EV_OUTPUT_CAPPED] = "출력 제한을 넘어 중단되었다",
	[M_EV_SIGNALED] = "시그널 %s로 종료했다",
	[M_EV_EXITED] = "종료 상태: %d",

	/* report */
	[M_STATUS_PASS] = "통과",
	[M_STATUS_FAIL] = "실패",
	[M_STATUS_SKIP] = "건너뜀",
	[M_REPORT_TITLE] = "mmaplab %1$s: %2$s 실습 채점",
	[M_REPORT_SUBMISSION] = "제출물: %s",
	[M_REPORT_SEED] = "시드: %llu",
	[M_REPORT_REPLAY] = "같은 채점을 다시 하려면: %s",
	[M_REPORT_STEP_ONLY] = "%d단계까지의 검사만 채점한다",
	[M_REPORT_EXPECTED] = "기대: ",
	[M_REPORT_HINT] = "힌트: ",
	[M_REPORT_NOTE] = "참고: ",
	[M_REPORT_SEE] = "읽을 곳: %1$s/README.md %2$d단계, man %3$s",
	[M_REPORT_SCORE] = "점수: %1$d/%2$d",
	[M_REPORT_ALL_PASSED] = "모든 검사를 통과했다",
	[M_REPORT_ISOLATION] = "격리: %s (docs-ko/security.md)",
	[M_OUTPUT_UNTRACED_DIFF] = "strace 아래에서는 출력이 맞지만 추적하지 않은 실행에서는 다르다. 추적 여부에 따라 다르게 동작하는 프로그램은 통과하지 못한다",
	[M_CONTENT_UNTRACED_DIFF] = "strace 아래에서는 파일이 맞지만 추적하지 않은 실행에서는 다르다. 추적 여부에 따라 다르게 동작하는 프로그램은 통과하지 못한다",
	[M_REPORT_KEPT] = "임시 디렉터리를 남겼다(실행마다의 디렉터리와 logs/의 추적 로그·보고서): %s",
	[M_REPORT_INTERRUPTED] = "채점이 중단되었다. 실행 중이던 프로세스와 임시 파일을 모두 정리했다",

	/* command line and errors */
	[M_USAGE] =
		"사용법:\n"
		"  mmaplab grade [--format=text|json|tap|gradescope] [--lang=ko|en] [--step=N] [--seed=N] [--keep] 실습 제출물\n"
		"  mmaplab batch [-j N] [--seed=N] [--out DIR] [--resume] [--only ID] [--lang=ko|en] 실습 제출물_디렉터리\n"
		"  mmaplab report DIR\n"
		"  mmaplab list [--format=json]\n"
		"  mmaplab --version\n"
		"\n"
		"실습: read-map, write-msync, perf\n"
		"제출물: .c 파일 하나, 또는 .c 파일들이 든 디렉터리\n"
		"종료 상태: 0 모든 검사 통과, 1 실패하거나 건너뛴 검사가 있음, 2 사용법 오류나 채점할 수 없는 환경\n",
	[M_ERR_USAGE] = "%s (mmaplab --help로 사용법을 본다)",
	[M_ERR_BAD_VALUE] = "%1$s의 값 '%2$s'가 올바르지 않다",
	[M_ERR_UNKNOWN_LAB] = "알 수 없는 실습 '%s'. 실습 목록은 mmaplab list로 본다",
	[M_ERR_NO_SUCH_PATH] = "제출물 '%s'가 없다",
	[M_ERR_CANNOT_READ] = "제출물 '%s'를 읽을 수 없다",
	[M_ERR_NOT_C_FILE] = "'%s'는 C 소스 파일(.c)이나 디렉터리가 아니다",
	[M_ERR_NO_C_FILES] = "디렉터리 '%s'에 .c 파일이 없다",
	[M_ERR_TOOL_MISSING] = "%s를 찾을 수 없다. sudo apt-get install build-essential strace valgrind로 설치한다",
	[M_ERR_NOEXEC] = "%s에서 프로그램을 실행할 수 없다(noexec로 마운트된 파일 시스템이다). TMPDIR을 실행이 허용된 디렉터리로 바꾼다",
	[M_ERR_PTRACE] =
		"strace가 프로그램을 추적할 수 없다(ptrace가 허용되지 않는다). "
		"Docker라면 --cap-add=SYS_PTRACE로 실행하고, kernel.yama.ptrace_scope가 3이 아닌지 확인한다. "
		"docs-ko/troubleshooting.md를 본다",

	/* batch, progress, class summary and report.html */
	[M_BATCH_SKIP_ENTRY] = "'%s'는 디렉터리도 .c 파일도 아니므로 학생으로 보지 않고 건너뛴다",
	[M_BATCH_SKIP_HIDDEN] = "숨은 항목 '%s'는 학생으로 보지 않고 건너뛴다",
	[M_BATCH_SKIP_RESULTS] = "'%s'에는 채점 결과를 쓰므로 학생으로 보지 않고 건너뛴다",
	[M_BATCH_SKIP_DUPLICATE] = "'%s'는 앞의 항목과 학생 id가 같으므로 건너뛴다",
	[M_BATCH_LOCKED] = "다른 batch가 '%s'에 결과를 쓰고 있다. 그 batch가 끝난 뒤에 다시 실행한다",
	[M_BATCH_BAD_RESULT] = "'%1$s'를 %2$s 실습의 채점 결과로 읽을 수 없다",
	[M_BATCH_NOT_GRADED] = "아직 채점하지 않았다(--resume으로 이어서 채점한다)",
	[M_BATCH_OVERRAN] = "채점이 %d초 안에 끝나지 않아 중단했다",
	[M_BATCH_WORKER_STOPPED] = "채점이 중간에 중단되었다",
	[M_BATCH_WORKER_SIGNAL] = "채점기가 시그널 %1$s로 죽었다%2$s",
	[M_BATCH_WORKER_EXIT] = "채점기가 끝났다(종료 상태 %1$d)%2$s",
	[M_BATCH_OTHER_LAB] = "'%1$s'에는 %2$s 실습의 batch가 있다. --out으로 다른 디렉터리를 주거나 --resume, --only 없이 새로 채점한다",
	[M_BATCH_SEED_CONFLICT] = "'%s'의 batch는 다른 시드로 채점되었다. --resume과 --only는 기록된 시드로 채점하므로 --seed를 빼고 실행한다",
	[M_BATCH_NO_STUDENT] = "학생 '%1$s'가 '%2$s'에 없다",
	[M_BATCH_EMPTY] = "'%s'에 채점할 학생이 없다",
	[M_BATCH_START] = "%1$s 실습: 학생 %2$zu명을 채점한다(전체 %3$zu명, 시드 %4$llu, 동시에 %5$d명)",
	[M_BATCH_INTERRUPTED] = "중단했다. 학생 %1$zu명의 채점을 마쳤고(이번에 채점할 학생 %2$zu명 중) 나머지는 --resume으로 이어서 채점한다",
	[M_BATCH_WROTE] = "결과: %s (summary.csv, report.html, 학생마다 .json과 .txt)",
	[M_BATCH_WROTE_HTML] = "%s/report.html을 썼다",
	[M_BATCH_NO_RESULTS] = "'%s'에 채점 결과가 없다",
	[M_BATCH_SUMMARY_HEAD] = "%1$s 실습: 학생 %2$zu명, 채점한 학생 %3$zu명, 채점하지 못한 학생 %4$zu명",
	[M_BATCH_SUMMARY_MEAN] = "평균 %1$.1f점 / %2$d점",
	[M_BATCH_SUMMARY_CHECKS] = "검사별로 통과한 학생",
	[M_BATCH_SUMMARY_SCORES] = "점수 분포",
	[M_BATCH_POINTS] = "%d점",
	[M_BATCH_POINT_RANGE] = "%1$d-%2$d점",
	[M_PROGRESS_ESTIMATING] = "남은 시간 계산 중",
	[M_PROGRESS_LEFT] = "남은 시간 약 %1$ld분 %2$ld초",
	[M_PROGRESS_FAILED] = "실패 %1$zu명(채점 불가 %2$zu명)",
	[M_PROGRESS_NOT_GRADED] = "채점 불가",
	[M_HTML_TITLE] = "%s 실습 채점 결과",
	[M_HTML_PASS_RATES] = "검사별 통과율",
	[M_HTML_CLASS] = "학생별 결과",
	[M_HTML_SORT_HINT] = "머리글을 누르면 그 열로 정렬하고, 한 번 더 누르면 순서를 뒤집는다. 학생 id를 누르면 그 학생의 보고서가 열린다.",
	[M_HTML_STUDENT] = "학생",
	[M_HTML_SCORE] = "점수",
	[M_HTML_CHECK_TITLE] = "%1$s (%2$d점)",
	[M_HTML_ERROR] = "채점하지 못한 이유",
	[M_HTML_REPORTS] = "학생별 보고서",

	/* list */
	[M_LIST_LAB] = "%1$s (%2$s): %3$s",
	[M_LIST_STEP] = "  %d단계",
	[M_LIST_CHECK] = "    %1$-12s %2$d점  %3$s",
	[M_LIST_TOTAL] = "  합계 %d점",

	/* limits of a run's directory, Valgrind not needed */
	[M_LIMIT_DISK] = "실행 디렉터리의 디스크 한도(%llu MiB)를 다 썼다",
	[M_LIMIT_INODES] = "실행 디렉터리의 파일 개수 한도(%u개)를 다 썼다",
	[M_H_LIMIT_SPACE] = "프로그램이 실행 디렉터리에 어떤 파일을 만드는지 본다. 이 실습은 입력 파일 말고 다른 파일을 만들 필요가 없다: 반복문이 파일을 끝없이 만들거나 키우지 않는지 확인한다.",
	[M_SKIP_VG_TIMEOUT] = "같은 입력의 실행이 시간 제한에 걸려 Valgrind 실행은 하지 않았다(%s 검사를 본다)",
	[M_SKIP_VG_FLOOD] = "같은 입력의 실행이 출력 한도를 넘어 Valgrind 실행은 하지 않았다(%s 검사를 본다)",
	[M_SKIP_INJECT_UNREACHABLE] = "정상 실행의 %s 호출은 다른 프로세스나 스레드도 같은 횟수만큼 불러 strace가 그 호출만 골라 실패시킬 수 없다. 이 검사는 판단하지 않는다",
};
