import { Migration } from '@mikro-orm/migrations';

/**
 * SCIM user and group counts kept by the database itself, so the console's counters cost the same
 * at a million users as at ten. Each write statement appends one delta row instead of updating a
 * shared counter row: concurrent IdP requests never queue on one company's counter lock. A
 * compactor folds the deltas into `directory_count` every few seconds; a read is the base plus the
 * deltas not folded yet, exact within its snapshot.
 */
export class Migration20261129010000_directory_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table directory_count (
        company_id uuid primary key references company (id) on delete cascade,
        user_count bigint not null default 0,
        group_count bigint not null default 0
      );

      -- No foreign key: a company's deletion cascades into its users, whose triggers append here.
      create table directory_count_delta (
        id bigint generated always as identity primary key,
        company_id uuid not null,
        user_delta bigint not null default 0,
        group_delta bigint not null default 0
      );
      create index directory_count_delta_company_index on directory_count_delta (company_id);

      create function directory_count_statement() returns trigger language plpgsql as $$
      declare
        sign bigint := case when tg_op = 'INSERT' then 1 else -1 end;
        is_user boolean := tg_table_name = 'directory_user';
      begin
        insert into directory_count_delta (company_id, user_delta, group_delta)
        select company_id,
               case when is_user then sign * count(*) else 0 end,
               case when is_user then 0 else sign * count(*) end
          from changed_rows where source = 'SCIM' group by company_id;
        return null;
      end $$;

      create function directory_count_source_change() returns trigger language plpgsql as $$
      declare
        is_user boolean := tg_table_name = 'directory_user';
        sign bigint := case when new.source = 'SCIM' then 1 else -1 end;
      begin
        insert into directory_count_delta (company_id, user_delta, group_delta)
        values (new.company_id, case when is_user then sign else 0 end, case when is_user then 0 else sign end);
        return null;
      end $$;

      create trigger directory_user_count_insert after insert on directory_user
        referencing new table as changed_rows for each statement execute function directory_count_statement();
      create trigger directory_user_count_delete after delete on directory_user
        referencing old table as changed_rows for each statement execute function directory_count_statement();
      create trigger directory_user_count_source after update of source on directory_user
        for each row when (old.source is distinct from new.source) execute function directory_count_source_change();
      create trigger directory_group_count_insert after insert on directory_group
        referencing new table as changed_rows for each statement execute function directory_count_statement();
      create trigger directory_group_count_delete after delete on directory_group
        referencing old table as changed_rows for each statement execute function directory_count_statement();
      create trigger directory_group_count_source after update of source on directory_group
        for each row when (old.source is distinct from new.source) execute function directory_count_source_change();

      insert into directory_count (company_id, user_count, group_count)
      select c.id,
             (select count(*) from directory_user u where u.company_id = c.id and u.source = 'SCIM'),
             (select count(*) from directory_group g where g.company_id = c.id and g.source = 'SCIM')
        from company c;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger directory_user_count_insert on directory_user;
      drop trigger directory_user_count_delete on directory_user;
      drop trigger directory_user_count_source on directory_user;
      drop trigger directory_group_count_insert on directory_group;
      drop trigger directory_group_count_delete on directory_group;
      drop trigger directory_group_count_source on directory_group;
      drop function directory_count_statement();
      drop function directory_count_source_change();
      drop table directory_count_delta;
      drop table directory_count;
    `);
  }
}
