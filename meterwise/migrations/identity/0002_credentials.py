from tortoise import migrations
from tortoise.migrations import operations as ops
from meterwise.models.identity import Role
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('identity', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ApiToken',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='api_tokens', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('identity.User', source_field='user_id', db_constraint=True, to_field='id', related_name='api_tokens', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=100)),
                ('scope', fields.CharField(max_length=16)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('last_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'api_token', 'app': 'identity', 'pk_attr': 'id', 'table_description': "A program's credential: scoped, expiring, revocable; expires early when left unused."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Invite',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('code_hash', fields.CharField(unique=True, max_length=64)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', null=True, db_constraint=True, to_field='id', related_name='invites', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(null=True, description='OWNER: owner\nADMIN: admin\nMEMBER: member\nVIEWER: viewer', enum_type=Role, max_length=16)),
                ('created_by', fields.ForeignKeyField('identity.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='invites_created', on_delete=OnDelete.SET_NULL)),
                ('max_uses', fields.IntField(default=1)),
                ('uses', fields.IntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'invite', 'app': 'identity', 'pk_attr': 'id', 'table_description': 'A sign-up invite (no account: creates one) or a member invite into ``account``.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LoginThrottle',
            fields=[
                ('key', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=128)),
                ('attempts', fields.IntField(default=0)),
                ('window_started_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'login_throttle', 'app': 'identity', 'pk_attr': 'key', 'table_description': "Failed-attempt counter for one key (an email hash, an IP, a user's MFA)."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MfaChallenge',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('identity.User', source_field='user_id', db_constraint=True, to_field='id', related_name='mfa_challenges', on_delete=OnDelete.CASCADE)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='mfa_challenges', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('failures', fields.IntField(default=0)),
            ],
            options={'table': 'mfa_challenge', 'app': 'identity', 'pk_attr': 'id', 'table_description': 'The short-lived, single-use ``mfaToken`` between a correct password and a TOTP code.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RecoveryCode',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('identity.User', source_field='user_id', db_constraint=True, to_field='id', related_name='recovery_codes', on_delete=OnDelete.CASCADE)),
                ('code_hash', fields.CharField(max_length=64)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'recovery_code', 'app': 'identity', 'pk_attr': 'id', 'table_description': 'One single-use recovery code, as its SHA-256 hash.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Session',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('identity.User', source_field='user_id', db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('account', fields.ForeignKeyField('identity.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('mfa_verified_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('ip', fields.CharField(default='', max_length=64)),
                ('user_agent', fields.CharField(default='', max_length=512)),
            ],
            options={'table': 'user_session', 'app': 'identity', 'pk_attr': 'id', 'table_description': 'A signed-in browser or client: idle timeout via ``last_seen_at``, hard ``expires_at``.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='User',
            name='home_account',
            field=fields.ForeignKeyField('identity.Account', source_field='home_account_id', null=True, db_constraint=True, to_field='id', related_name='home_users', on_delete=OnDelete.SET_NULL),
        ),
    ]
