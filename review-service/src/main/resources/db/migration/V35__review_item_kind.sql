-- What an item is: a talent application, a project proposal, a mid-term check (中期检查) or a final
-- acceptance (验收). A round holds items of one kind and scores them with that kind's rubric; a
-- check's outcome goes back to project-service's check round, not to a proposal. Items opened
-- before kinds existed get their owner's first kind.
alter table review_item add column item_kind varchar(30);
update review_item set item_kind = case owning_context when 'TALENT' then 'APPLICATION' else 'PROPOSAL' end;
alter table review_item alter column item_kind set not null;
alter table review_item add constraint review_item_kind
    check (item_kind in ('APPLICATION', 'PROPOSAL', 'MID_TERM_CHECK', 'FINAL_ACCEPTANCE')
       and (owning_context = 'TALENT') = (item_kind = 'APPLICATION'));
