package cn.jiangmen.innovation.review.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.review.domain.Assignments;
import cn.jiangmen.innovation.review.domain.Caller;
import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.Experts;
import cn.jiangmen.innovation.review.domain.ReminderPolicy;
import cn.jiangmen.innovation.review.domain.Reminders;
import cn.jiangmen.innovation.review.domain.ReviewRound;
import cn.jiangmen.innovation.review.domain.Rounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds experts whose reviews are still unsubmitted when a round's deadline is near (or passed):
 * a portal notice and an e-mail, once per expert and round. Each expert is handled in its own
 * transaction: the notice row and the e-mail succeed together, or the row is rolled back and the
 * next run tries again.
 */
@Service
public class ReminderService {

	private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Rounds rounds;

	private final Assignments assignments;

	private final Experts experts;

	private final Reminders reminders;

	private final MailSender mail;

	private final TransactionTemplate transactions;

	private final Audit audit;

	private final Clock clock;

	private final Duration lead;

	private final String from;

	ReminderService(Rounds rounds, Assignments assignments, Experts experts, Reminders reminders,
			org.springframework.beans.factory.ObjectProvider<MailSender> mail, TransactionTemplate transactions, Audit audit,
			Clock clock, @Value("${review.reminders.lead:P2D}") Duration lead,
			@Value("${review.reminders.from:noreply@review.jiangmen.example}") String from) {
		this.rounds = rounds;
		this.assignments = assignments;
		this.experts = experts;
		this.reminders = reminders;
		this.mail = mail.getIfAvailable();
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
		this.lead = lead;
		this.from = from;
	}

	/** One pass over the open rounds; returns how many reminders were recorded. */
	public int remindDue() {
		Instant now = this.clock.instant();
		int sent = 0;
		for (ReviewRound round : this.rounds.all()) {
			if (!ReminderPolicy.isDue(round, now, this.lead)) {
				continue;
			}
			for (Map.Entry<ExpertId, Integer> pending : ReminderPolicy.pendingByExpert(this.assignments.forRound(round.id()))
				.entrySet()) {
				try {
					Boolean recorded = this.transactions.execute(tx -> remind(round, pending.getKey(), pending.getValue(), now));
					if (Boolean.TRUE.equals(recorded)) {
						sent++;
					}
				}
				catch (RuntimeException ex) {
					log.warn("Reminder to {} for round {} failed, retried next run: {}", pending.getKey(), round.id(),
							ex.toString());
				}
			}
		}
		return sent;
	}

	private boolean remind(ReviewRound round, ExpertId expertId, int pending, Instant now) {
		Expert expert = this.experts.find(expertId).orElse(null);
		boolean email = expert != null && !expert.email().isBlank() && this.mail != null;
		if (!this.reminders.addIfAbsent(expertId, round.id(), pending, now, email)) {
			return false;
		}
		if (email) {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.from);
			message.setTo(expert.email());
			message.setSubject("【评审提醒】" + round.name() + " / Review reminder");
			message.setText("""
					%s 您好：

					您在评审轮次“%s”中还有 %d 份评审意见未提交，截止时间为 %s（北京时间）。
					请登录江门市科技创新管理平台，在“我的评审任务”中完成评审。

					Dear %s, you have %d unsubmitted review(s) in "%s", due %s (Beijing time).
					Please sign in to the portal and complete them under "My review assignments".
					""".formatted(expert.displayName(), round.name(), pending, DEADLINE.format(round.deadline()),
					expert.displayName(), pending, round.name(), DEADLINE.format(round.deadline())));
			this.mail.send(message);
		}
		this.audit.record("review-reminders", now, "reminder.sent", "review_round", round.id(), null,
				Map.of("expert", expertId.subject(), "pending", pending, "emailed", email));
		return true;
	}

	@Transactional(readOnly = true)
	public List<Reminders.Notice> myNotices(Caller caller) {
		if (!caller.isExpert()) {
			throw new AccessDeniedException("Notices are for experts");
		}
		return this.reminders.openNotices(caller.expertId());
	}

}
